package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.time.Instant;
import java.util.List;
import org.jvirt.api.DomainAuthorizedSSHKeysSetFlag;
import org.jvirt.api.DomainFSInfo;
import org.jvirt.api.DomainGetHostnameFlag;
import org.jvirt.api.DomainGuestInfoType;
import org.jvirt.api.DomainInterfaceAddressesSource;
import org.jvirt.api.DomainSetTimeFlag;
import org.jvirt.api.DomainSetUserPasswordFlag;
import org.jvirt.api.qemu.QemuMonitorCommandFlag;
import org.jvirt.rpc.qemu.QemuProtocol;

/** What the guest agent answers, and the QEMU program: monitor and agent commands, attaching a QEMU process. */
final class DomainGuestCalls {
    private DomainGuestCalls() {
    }

    static void register(DispatchTable t) {
        t.on(DOMAIN_GET_HOSTNAME, (c, a) -> new DomainGetHostnameRet(c.dom(a.dom()).getHostname(
                c.flags(DomainGetHostnameFlag.class, a.flags()))));
        t.on(DOMAIN_GET_GUEST_INFO, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainGetGuestInfoRet(Wire.params(c.dom(a.dom()).getGuestInfo(
                    c.flags(DomainGuestInfoType.class, a.types()))));
        });
        t.on(DOMAIN_FSTRIM, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).fsTrim(a.mountPoint(), a.minimum());
            return null;
        });
        t.on(DOMAIN_FSFREEZE, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainFsfreezeRet(c.dom(a.dom()).fsFreeze(a.mountpoints()));
        });
        t.on(DOMAIN_FSTHAW, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainFsthawRet(c.dom(a.dom()).fsThaw(a.mountpoints()));
        });
        t.on(DOMAIN_GET_FSINFO, (c, a) -> {
            c.noFlags(a.flags());
            List<DomainFSInfo> info = c.dom(a.dom()).getFSInfo();
            return new DomainGetFsinfoRet(Wire.map(info, i -> new DomainFsinfo(i.mountpoint(), i.name(), i.fstype(),
                    i.devAliases())), info.size());
        });
        t.on(DOMAIN_GET_TIME, (c, a) -> {
            c.noFlags(a.flags());
            Instant time = c.dom(a.dom()).getTime();
            return new DomainGetTimeRet(time.getEpochSecond(), time.getNano());
        });
        t.on(DOMAIN_SET_TIME, (c, a) -> {
            c.dom(a.dom()).setTime(Instant.ofEpochSecond(a.seconds(), Integer.toUnsignedLong(a.nseconds())),
                    c.flags(DomainSetTimeFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_SET_USER_PASSWORD, (c, a) -> {
            c.dom(a.dom()).setUserPassword(a.user(), a.password(), c.flags(DomainSetUserPasswordFlag.class,
                    a.flags()));
            return null;
        });
        t.on(DOMAIN_AGENT_SET_RESPONSE_TIMEOUT, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).agentSetResponseTimeout(a.timeout());
            return new DomainAgentSetResponseTimeoutRet(0);
        });
        t.on(DOMAIN_AUTHORIZED_SSH_KEYS_GET, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainAuthorizedSshKeysGetRet(c.dom(a.dom()).authorizedSSHKeysGet(a.user()));
        });
        t.on(DOMAIN_AUTHORIZED_SSH_KEYS_SET, (c, a) -> {
            c.dom(a.dom()).authorizedSSHKeysSet(a.user(), a.keys(), c.flags(DomainAuthorizedSSHKeysSetFlag.class,
                    a.flags()));
            return null;
        });
        t.on(DOMAIN_INTERFACE_ADDRESSES, (c, a) -> {
            c.noFlags(a.flags());
            var ifaces = c.dom(a.dom()).interfaceAddresses(Enums.of(DomainInterfaceAddressesSource.class, a.source(),
                    "source"));
            return new DomainInterfaceAddressesRet(Wire.map(ifaces, i -> new DomainInterface(i.name(), i.hwaddr(),
                    Wire.map(i.addrs(), ip -> new DomainIpAddr(ip.type().value(), ip.addr(), ip.prefix())))));
        });

        t.on(QemuProtocol.DOMAIN_MONITOR_COMMAND, (c, a) -> new QemuProtocol.DomainMonitorCommandRet(
                c.dom(a.dom()).qemuMonitorCommand(a.cmd(), c.flags(QemuMonitorCommandFlag.class, a.flags()))));
        t.on(QemuProtocol.DOMAIN_AGENT_COMMAND, (c, a) -> {
            c.noFlags(a.flags());
            return new QemuProtocol.DomainAgentCommandRet(c.dom(a.dom()).qemuAgentCommand(a.cmd(), a.timeout()));
        });
        t.on(QemuProtocol.DOMAIN_ATTACH, (c, a) -> {
            c.noFlags(a.flags());
            return new QemuProtocol.DomainAttachRet(Wire.dom(c.conn().domainQemuAttach(a.pidValue())));
        });
    }
}
