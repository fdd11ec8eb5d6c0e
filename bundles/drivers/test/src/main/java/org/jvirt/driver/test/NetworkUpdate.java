package org.jvirt.driver.test;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NetworkUpdateCommand;
import org.jvirt.api.NetworkUpdateSection;
import org.jvirt.api.VirtException;
import org.jvirt.conf.network.NetworkDef;

/** virNetworkObjUpdate and the section updates of libvirt's network_conf.c. */
final class NetworkUpdate {
    private NetworkUpdate() {
    }

    static void apply(NetworkObj o, NetworkUpdateCommand command, NetworkUpdateSection section, int parentIndex,
            String xml, boolean live, boolean config) {
        if (!o.active && live) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "network is not running");
        }
        if (config && !o.persistent) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                    "cannot change persistent config of a transient network");
        }
        NetworkDef liveDef = null;
        NetworkDef configDef = null;
        if (live) {
            liveDef = ObjectXml.copy(o.def);
            section(liveDef, command, section, parentIndex, xml);
            ObjectXml.copy(liveDef);
        }
        if (config) {
            configDef = ObjectXml.copy(o.persistentDef());
            section(configDef, command, section, parentIndex, xml);
            ObjectXml.copy(configDef);
        }
        if (configDef != null) {
            if (o.active) {
                o.newDef = configDef;
            } else {
                o.def = configDef;
            }
        }
        if (liveDef != null) {
            o.def = liveDef;
        }
    }

    private static void section(NetworkDef def, NetworkUpdateCommand command, NetworkUpdateSection section,
            int parentIndex, String xml) {
        throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.NETWORK, "can't update '"
                + section + "' section of network '" + def.name + "'");
    }
}
