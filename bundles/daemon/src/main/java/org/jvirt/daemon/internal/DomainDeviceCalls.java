package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.List;
import java.util.Optional;
import org.jvirt.api.DomainBlockCommitFlag;
import org.jvirt.api.DomainBlockCopyFlag;
import org.jvirt.api.DomainBlockInfo;
import org.jvirt.api.DomainBlockJobAbortFlag;
import org.jvirt.api.DomainBlockJobInfo;
import org.jvirt.api.DomainBlockJobInfoFlag;
import org.jvirt.api.DomainBlockJobSetSpeedFlag;
import org.jvirt.api.DomainBlockPullFlag;
import org.jvirt.api.DomainBlockRebaseFlag;
import org.jvirt.api.DomainBlockResizeFlag;
import org.jvirt.api.DomainBlockStats;
import org.jvirt.api.DomainDeviceModifyFlag;
import org.jvirt.api.DomainDiskError;
import org.jvirt.api.DomainInterfaceStats;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;

/** A domain's devices: attach and detach, block devices and their jobs, interfaces' statistics. */
final class DomainDeviceCalls {
    private DomainDeviceCalls() {
    }

    static void register(DispatchTable t) {
        t.on(DOMAIN_ATTACH_DEVICE, (c, a) -> {
            c.dom(a.dom()).attachDevice(a.xml());
            return null;
        });
        t.on(DOMAIN_ATTACH_DEVICE_FLAGS, (c, a) -> {
            c.dom(a.dom()).attachDeviceFlags(a.xml(), c.flags(DomainDeviceModifyFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_DETACH_DEVICE, (c, a) -> {
            c.dom(a.dom()).detachDevice(a.xml());
            return null;
        });
        t.on(DOMAIN_DETACH_DEVICE_FLAGS, (c, a) -> {
            c.dom(a.dom()).detachDeviceFlags(a.xml(), c.flags(DomainDeviceModifyFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_DETACH_DEVICE_ALIAS, (c, a) -> {
            c.dom(a.dom()).detachDeviceAlias(a.alias(), c.flags(DomainDeviceModifyFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_UPDATE_DEVICE_FLAGS, (c, a) -> {
            c.dom(a.dom()).updateDeviceFlags(a.xml(), c.flags(DomainDeviceModifyFlag.class, a.flags()));
            return null;
        });

        t.on(DOMAIN_BLOCK_STATS, (c, a) -> {
            DomainBlockStats s = c.dom(a.dom()).blockStats(a.path());
            return new DomainBlockStatsRet(s.rdReq(), s.rdBytes(), s.wrReq(), s.wrBytes(), s.errs());
        });
        t.on(DOMAIN_BLOCK_STATS_FLAGS, (c, a) -> {
            c.noParamFlags(a.flags());
            Wire.checkNparams(a.nparams(), REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX);
            TypedParameters p = c.dom(a.dom()).blockStatsFlags(a.path());
            return a.nparams() == 0 ? new DomainBlockStatsFlagsRet(List.of(), p.size())
                    : new DomainBlockStatsFlagsRet(Wire.params(p, ConnectCalls.strings(a.flags())), 0);
        });
        t.on(DOMAIN_GET_BLOCK_INFO, (c, a) -> {
            c.noFlags(a.flags());
            DomainBlockInfo i = c.dom(a.dom()).getBlockInfo(a.path());
            return new DomainGetBlockInfoRet(i.allocation(), i.capacity(), i.physical());
        });
        t.on(DOMAIN_BLOCK_PEEK, (c, a) -> {
            c.noFlags(a.flags());
            if (a.size() < 0 || a.size() > REMOTE_DOMAIN_BLOCK_PEEK_BUFFER_MAX) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "size > maximum buffer size");
            }
            return new DomainBlockPeekRet(c.dom(a.dom()).blockPeek(a.path(), a.offset(), a.size()));
        });
        t.on(DOMAIN_BLOCK_RESIZE, (c, a) -> {
            c.dom(a.dom()).blockResize(a.disk(), a.size(), c.flags(DomainBlockResizeFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_DISK_ERRORS, (c, a) -> {
            c.noFlags(a.flags());
            DomainCalls.max(a.maxerrors(), REMOTE_DOMAIN_DISK_ERRORS_MAX, "maxerrors > REMOTE_DOMAIN_DISK_ERRORS_MAX");
            List<DomainDiskError> errors = c.dom(a.dom()).getDiskErrors();
            return new DomainGetDiskErrorsRet(Wire.map(DomainCalls.first(errors, a.maxerrors()),
                    e -> new org.jvirt.rpc.remote.RemoteProtocol.DomainDiskError(e.disk(), e.error().value())),
                    errors.size());
        });
        t.on(DOMAIN_SET_BLOCK_THRESHOLD, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).setBlockThreshold(a.dev(), a.threshold());
            return null;
        });
        t.on(DOMAIN_GET_BLOCK_JOB_INFO, (c, a) -> {
            Optional<DomainBlockJobInfo> i = c.dom(a.dom()).getBlockJobInfo(a.path(),
                    c.flags(DomainBlockJobInfoFlag.class, a.flags()));
            return i.map(j -> new DomainGetBlockJobInfoRet(1, j.type().value(), j.bandwidth(), j.cur(), j.end()))
                    .orElse(new DomainGetBlockJobInfoRet(0, 0, 0, 0, 0));
        });
        t.on(DOMAIN_BLOCK_JOB_ABORT, (c, a) -> {
            c.dom(a.dom()).blockJobAbort(a.path(), c.flags(DomainBlockJobAbortFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_BLOCK_JOB_SET_SPEED, (c, a) -> {
            c.dom(a.dom()).blockJobSetSpeed(a.path(), a.bandwidth(), c.flags(DomainBlockJobSetSpeedFlag.class,
                    a.flags()));
            return null;
        });
        t.on(DOMAIN_BLOCK_PULL, (c, a) -> {
            c.dom(a.dom()).blockPull(a.path(), a.bandwidth(), c.flags(DomainBlockPullFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_BLOCK_REBASE, (c, a) -> {
            c.dom(a.dom()).blockRebase(a.path(), a.base(), a.bandwidth(), c.flags(DomainBlockRebaseFlag.class,
                    a.flags()));
            return null;
        });
        t.on(DOMAIN_BLOCK_COPY, (c, a) -> {
            c.dom(a.dom()).blockCopy(a.path(), a.destxml(), Wire.params(a.params()),
                    c.flags(DomainBlockCopyFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_BLOCK_COMMIT, (c, a) -> {
            c.dom(a.dom()).blockCommit(a.disk(), a.base(), a.top(), a.bandwidth(),
                    c.flags(DomainBlockCommitFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_INTERFACE_STATS, (c, a) -> {
            DomainInterfaceStats s = c.dom(a.dom()).interfaceStats(a.device());
            return new DomainInterfaceStatsRet(s.rxBytes(), s.rxPackets(), s.rxErrs(), s.rxDrop(), s.txBytes(),
                    s.txPackets(), s.txErrs(), s.txDrop());
        });
    }
}
