package org.jvirt.driver.qemu.command;

import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.SecLabel;

/**
 * A lone domain security label that names no model takes the host's first security model, which for jvirt's
 * QEMU driver is {@code none} (its capabilities list none, then dac), as libvirt's parser does with the host's
 * models (virSecurityLabelDefsParseXML); a definition with model none is then simply unconfined.
 */
final class SecurityLabels {
    /** The first {@code <secmodel>} of the driver's capabilities ({@code caps.CapabilitiesXml}). */
    static final String FIRST_HOST_MODEL = "none";

    private SecurityLabels() {
    }

    static void apply(DomainDef def) {
        if (def.seclabels.size() != 1) {
            return;
        }
        SecLabel l = def.seclabels.get(0);
        String type = l.type == null ? "dynamic" : l.type;
        if (l.model != null || !("none".equals(type) || "dynamic".equals(type) && l.baselabel == null)) {
            return;
        }
        l.model = FIRST_HOST_MODEL;
        l.type = "none";
        l.relabel = null;
    }
}
