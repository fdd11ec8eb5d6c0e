package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.List;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCoreDumpFlag;
import org.jvirt.api.DomainCoreDumpFormat;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainDestroyFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainLifecycle;
import org.jvirt.api.DomainLifecycleAction;
import org.jvirt.api.DomainMessageType;
import org.jvirt.api.DomainMetadataType;
import org.jvirt.api.DomainAffect;
import org.jvirt.api.DomainProcessSignal;
import org.jvirt.api.DomainRebootFlag;
import org.jvirt.api.DomainSaveImageXMLFlag;
import org.jvirt.api.DomainSaveRestoreFlag;
import org.jvirt.api.DomainShutdownFlag;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.NodeSuspendTarget;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.VirtException;

/** Domains: lookups and lists, definition and lifecycle, XML, state, save and restore, keys and signals. */
final class DomainCalls {
    private DomainCalls() {
    }

    static void register(DispatchTable t) {
        // ---- lookups and lists
        t.on(DOMAIN_LOOKUP_BY_NAME, (c, a) -> new DomainLookupByNameRet(c.handle(c.conn().domainLookupByName(a.name()))));
        t.on(DOMAIN_LOOKUP_BY_UUID, (c, a) -> new DomainLookupByUuidRet(c.handle(c.conn().domainLookupByUUID(
                Wire.uuid(a.uuid())))));
        t.on(DOMAIN_LOOKUP_BY_ID, (c, a) -> new DomainLookupByIdRet(c.handle(c.conn().domainLookupByID(a.id()))));
        t.on(CONNECT_LIST_ALL_DOMAINS, (c, a) -> {
            List<Domain> list = c.conn().listAllDomains(c.flags(ListDomainsFlag.class, a.flags()));
            return new ConnectListAllDomainsRet(a.needResults() != 0 ? Wire.doms(list) : List.of(), list.size());
        });
        t.on(CONNECT_NUM_OF_DOMAINS, (c, a) -> new ConnectNumOfDomainsRet(c.conn().numOfDomains()));
        t.on(CONNECT_LIST_DOMAINS, (c, a) -> {
            max(a.maxids(), REMOTE_DOMAIN_LIST_MAX, "maxids > REMOTE_DOMAIN_LIST_MAX");
            int[] ids = c.conn().listDomains();
            return new ConnectListDomainsRet(ids.length > a.maxids() ? java.util.Arrays.copyOf(ids, a.maxids())
                    : ids);
        });
        t.on(CONNECT_NUM_OF_DEFINED_DOMAINS, (c, a) -> new ConnectNumOfDefinedDomainsRet(
                c.conn().numOfDefinedDomains()));
        t.on(CONNECT_LIST_DEFINED_DOMAINS, (c, a) -> {
            max(a.maxnames(), REMOTE_DOMAIN_LIST_MAX, "maxnames > REMOTE_DOMAIN_LIST_MAX");
            return new ConnectListDefinedDomainsRet(first(c.conn().listDefinedDomains(), a.maxnames()));
        });

        // ---- definition and lifecycle
        t.on(DOMAIN_DEFINE_XML, (c, a) -> new DomainDefineXmlRet(c.handle(c.conn().domainDefineXML(a.xml()))));
        t.on(DOMAIN_DEFINE_XML_FLAGS, (c, a) -> new DomainDefineXmlFlagsRet(c.handle(c.conn().domainDefineXML(a.xml(),
                c.flags(DomainDefineFlag.class, a.flags())))));
        t.on(DOMAIN_CREATE_XML, (c, a) -> new DomainCreateXmlRet(c.handle(c.conn().domainCreateXML(a.xmlDesc(),
                c.flags(DomainCreateFlag.class, a.flags())))));
        t.on(DOMAIN_UNDEFINE, (c, a) -> {
            c.dom(a.dom()).undefine();
            return null;
        });
        t.on(DOMAIN_UNDEFINE_FLAGS, (c, a) -> {
            c.dom(a.dom()).undefine(c.flags(DomainUndefineFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_CREATE, (c, a) -> {
            c.dom(a.dom()).create();
            return null;
        });
        t.on(DOMAIN_CREATE_WITH_FLAGS, (c, a) -> {
            Domain d = c.dom(a.dom());
            d.create(c.flags(DomainCreateFlag.class, a.flags()));
            // the handle goes back with the id the domain has now
            return new DomainCreateWithFlagsRet(Wire.dom(c.conn().domainLookupByUUID(d.getUUID())));
        });
        // open files the call brought on the unix socket, open until the reply (a driver keeping one takes a copy);
        // none over TCP or from a plain CALL
        t.on(DOMAIN_CREATE_XML_WITH_FILES, (c, a) -> new DomainCreateXmlWithFilesRet(c.handle(
                c.conn().domainCreateXMLWithFiles(a.xmlDesc(), c.call().files(),
                        c.flags(DomainCreateFlag.class, a.flags())))));
        t.on(DOMAIN_CREATE_WITH_FILES, (c, a) -> {
            Domain d = c.dom(a.dom());
            d.createWithFiles(c.call().files(), c.flags(DomainCreateFlag.class, a.flags()));
            return new DomainCreateWithFilesRet(Wire.dom(c.conn().domainLookupByUUID(d.getUUID())));
        });
        t.on(DOMAIN_DESTROY, (c, a) -> {
            c.dom(a.dom()).destroy();
            return null;
        });
        t.on(DOMAIN_DESTROY_FLAGS, (c, a) -> {
            c.dom(a.dom()).destroy(c.flags(DomainDestroyFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_SHUTDOWN, (c, a) -> {
            c.dom(a.dom()).shutdown();
            return null;
        });
        t.on(DOMAIN_SHUTDOWN_FLAGS, (c, a) -> {
            c.dom(a.dom()).shutdown(c.flags(DomainShutdownFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_REBOOT, (c, a) -> {
            c.dom(a.dom()).reboot(c.flags(DomainRebootFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_RESET, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).reset();
            return null;
        });
        t.on(DOMAIN_SUSPEND, (c, a) -> {
            c.dom(a.dom()).suspend();
            return null;
        });
        t.on(DOMAIN_RESUME, (c, a) -> {
            c.dom(a.dom()).resume();
            return null;
        });
        t.on(DOMAIN_PM_SUSPEND_FOR_DURATION, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).pmSuspendForDuration(Enums.of(NodeSuspendTarget.class, a.target(), "target"),
                    a.duration());
            return null;
        });
        t.on(DOMAIN_PM_WAKEUP, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).pmWakeup();
            return null;
        });
        t.on(DOMAIN_RENAME, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).rename(a.newName());
            return new DomainRenameRet(0);
        });
        t.on(DOMAIN_SET_LIFECYCLE_ACTION, (c, a) -> {
            c.dom(a.dom()).setLifecycleAction(Enums.of(DomainLifecycle.class, a.type(), "lifecycle type"),
                    Enums.of(DomainLifecycleAction.class, a.action(), "lifecycle action"),
                    c.flags(DomainAffect.class, a.flags()));
            return null;
        });

        // ---- what a domain is
        t.on(DOMAIN_GET_INFO, (c, a) -> {
            DomainInfo i = c.dom(a.dom()).getInfo();
            return new DomainGetInfoRet(i.state().value(), i.maxMemKiB(), i.memoryKiB(), i.nrVirtCpu(),
                    i.cpuTimeNanos());
        });
        t.on(DOMAIN_GET_STATE, (c, a) -> {
            c.noFlags(a.flags());
            DomainStateInfo s = c.dom(a.dom()).getState();
            return new DomainGetStateRet(s.state().value(), s.reason());
        });
        t.on(DOMAIN_GET_CONTROL_INFO, (c, a) -> {
            c.noFlags(a.flags());
            var i = c.dom(a.dom()).getControlInfo();
            return new DomainGetControlInfoRet(i.state().value(), i.details(), i.stateTimeMs());
        });
        t.on(DOMAIN_GET_XML_DESC, (c, a) -> new DomainGetXmlDescRet(c.dom(a.dom()).getXMLDesc(
                c.flags(DomainXMLFlag.class, a.flags()))));
        t.on(DOMAIN_GET_OS_TYPE, (c, a) -> new DomainGetOsTypeRet(c.dom(a.dom()).getOSType()));
        t.on(DOMAIN_GET_MAX_MEMORY, (c, a) -> new DomainGetMaxMemoryRet(c.dom(a.dom()).getMaxMemory()));
        t.on(DOMAIN_GET_MAX_VCPUS, (c, a) -> new DomainGetMaxVcpusRet(c.dom(a.dom()).getMaxVcpus()));
        t.on(DOMAIN_IS_ACTIVE, (c, a) -> new DomainIsActiveRet(c.dom(a.dom()).isActive() ? 1 : 0));
        t.on(DOMAIN_IS_PERSISTENT, (c, a) -> new DomainIsPersistentRet(c.dom(a.dom()).isPersistent() ? 1 : 0));
        t.on(DOMAIN_IS_UPDATED, (c, a) -> new DomainIsUpdatedRet(c.dom(a.dom()).isUpdated() ? 1 : 0));
        t.on(DOMAIN_GET_AUTOSTART, (c, a) -> new DomainGetAutostartRet(c.dom(a.dom()).getAutostart() ? 1 : 0));
        t.on(DOMAIN_SET_AUTOSTART, (c, a) -> {
            c.dom(a.dom()).setAutostart(a.autostart() != 0);
            return null;
        });
        t.on(DOMAIN_GET_METADATA, (c, a) -> new DomainGetMetadataRet(c.dom(a.dom()).getMetadata(
                Enums.of(DomainMetadataType.class, a.type(), "metadata type"), a.uri(),
                c.flags(DomainAffect.class, a.flags()))));
        t.on(DOMAIN_SET_METADATA, (c, a) -> {
            c.dom(a.dom()).setMetadata(Enums.of(DomainMetadataType.class, a.type(), "metadata type"), a.metadata(),
                    a.key(), a.uri(), c.flags(DomainAffect.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_GET_MESSAGES, (c, a) -> new DomainGetMessagesRet(c.dom(a.dom()).getMessages(
                c.flags(DomainMessageType.class, a.flags()))));
        t.on(DOMAIN_GET_SECURITY_LABEL, (c, a) -> label(c.dom(a.dom()).getSecurityLabel()));
        t.on(DOMAIN_GET_SECURITY_LABEL_LIST, (c, a) -> {
            List<SecurityLabel> labels = c.dom(a.dom()).getSecurityLabelList();
            return new DomainGetSecurityLabelListRet(Wire.map(labels, DomainCalls::label), labels.size());
        });

        // ---- save, restore, dumps
        t.on(DOMAIN_SAVE, (c, a) -> {
            c.dom(a.dom()).save(a.to());
            return null;
        });
        t.on(DOMAIN_SAVE_FLAGS, (c, a) -> {
            c.dom(a.dom()).save(a.to(), a.dxml(), c.flags(DomainSaveRestoreFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_SAVE_PARAMS, (c, a) -> {
            c.dom(a.dom()).saveParams(Wire.params(a.params()), c.flags(DomainSaveRestoreFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_RESTORE, (c, a) -> {
            c.conn().domainRestore(a.from());
            return null;
        });
        t.on(DOMAIN_RESTORE_FLAGS, (c, a) -> {
            c.conn().domainRestore(a.from(), a.dxml(), c.flags(DomainSaveRestoreFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_RESTORE_PARAMS, (c, a) -> {
            c.conn().domainRestoreParams(Wire.params(a.params()), c.flags(DomainSaveRestoreFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_SAVE_IMAGE_GET_XML_DESC, (c, a) -> new DomainSaveImageGetXmlDescRet(c.conn()
                .domainSaveImageGetXMLDesc(a.file(), c.flags(DomainSaveImageXMLFlag.class, a.flags()))));
        t.on(DOMAIN_SAVE_IMAGE_DEFINE_XML, (c, a) -> {
            c.conn().domainSaveImageDefineXML(a.file(), a.dxml(), c.flags(DomainSaveRestoreFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_MANAGED_SAVE, (c, a) -> {
            c.dom(a.dom()).managedSave(c.flags(DomainSaveRestoreFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_HAS_MANAGED_SAVE_IMAGE, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainHasManagedSaveImageRet(c.dom(a.dom()).hasManagedSaveImage() ? 1 : 0);
        });
        t.on(DOMAIN_MANAGED_SAVE_REMOVE, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).managedSaveRemove();
            return null;
        });
        t.on(DOMAIN_MANAGED_SAVE_GET_XML_DESC, (c, a) -> new DomainManagedSaveGetXmlDescRet(c.dom(a.dom())
                .managedSaveGetXMLDesc(c.flags(DomainSaveImageXMLFlag.class, a.flags()))));
        t.on(DOMAIN_MANAGED_SAVE_DEFINE_XML, (c, a) -> {
            c.dom(a.dom()).managedSaveDefineXML(a.dxml(), c.flags(DomainSaveRestoreFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_CORE_DUMP, (c, a) -> {
            c.dom(a.dom()).coreDump(a.to(), c.flags(DomainCoreDumpFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_CORE_DUMP_WITH_FORMAT, (c, a) -> {
            c.dom(a.dom()).coreDumpWithFormat(a.to(), Enums.of(DomainCoreDumpFormat.class, a.dumpformat(),
                    "dump format"), c.flags(DomainCoreDumpFlag.class, a.flags()));
            return null;
        });

        // ---- keys, signals
        t.on(DOMAIN_INJECT_NMI, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).injectNMI();
            return null;
        });
        t.on(DOMAIN_SEND_KEY, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).sendKey(Enums.of(KeycodeSet.class, a.codeset(), "codeset"), a.holdtime(), a.keycodes());
            return null;
        });
        t.on(DOMAIN_SEND_PROCESS_SIGNAL, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).sendProcessSignal(a.pidValue(), Enums.of(DomainProcessSignal.class, a.signum(),
                    "signal"));
            return null;
        });
    }

    static DomainGetSecurityLabelRet label(SecurityLabel l) {
        return new DomainGetSecurityLabelRet(ConnectCalls.cString(l.label()), l.enforcing() ? 1 : 0);
    }

    static void max(int n, int limit, String message) {
        if (n > limit) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, message);
        }
    }

    static <T> List<T> first(List<T> list, int n) {
        return list.size() > n ? list.subList(0, Math.max(0, n)) : list;
    }
}
