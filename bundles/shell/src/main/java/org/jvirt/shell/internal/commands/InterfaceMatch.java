package org.jvirt.shell.internal.commands;

/** Finds a domain's interface in its XML by target device name or MAC address, as virsh's domif-* commands do. */
final class InterfaceMatch {
    private InterfaceMatch() {
    }

    static XmlQuery find(XmlQuery domain, String iface) {
        for (XmlQuery nic : domain.nodes("/domain/devices/interface")) {
            String mac = nic.stringOrNull("mac/@address");
            if (iface.equals(nic.stringOrNull("target/@dev")) || (mac != null && mac.equalsIgnoreCase(iface))) {
                return nic;
            }
        }
        return null;
    }
}
