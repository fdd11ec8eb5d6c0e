package org.jvirt.driver.qemu.command;

import java.util.function.Function;

import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.firmware.FirmwareSelection;

/**
 * A new definition as the QEMU driver takes it at define and create: the generic parse, then the QEMU driver's
 * post-parse with the capabilities of the emulator the definition names (libvirt's virDomainDefParseString with
 * the QEMU driver's xmlopt and VIR_DOMAIN_DEF_PARSE_ABI_UPDATE), with libvirt's firmware selection among the
 * host's firmware descriptors. The one path for the API and for the corpus test.
 */
public final class NewDefinition {
    private NewDefinition() {
    }

    /**
     * @param capsFor the capabilities of the emulator a parsed definition names (or of the default one)
     */
    public static DomainDef parse(String xml, DomainParseOptions options, Function<DomainDef, QemuCaps> capsFor) {
        return parse(xml, options, capsFor, true);
    }

    /**
     * @param abiUpdate whether the machine type may be versioned and other ABI defaults chosen now (the API: yes;
     *                  libvirt's qemuxml2xml test parses without VIR_DOMAIN_DEF_PARSE_ABI_UPDATE)
     */
    public static DomainDef parse(String xml, DomainParseOptions options, Function<DomainDef, QemuCaps> capsFor,
            boolean abiUpdate) {
        return parse(xml, options, capsFor, abiUpdate, FirmwareSelection.forHome(
                java.nio.file.Path.of(System.getProperty("jvirt.home", System.getProperty("user.dir")))));
    }

    /**
     * @param firmware where firmware descriptors are found and per-domain NVRAM stores go (the driver's own)
     */
    public static DomainDef parse(String xml, DomainParseOptions options, Function<DomainDef, QemuCaps> capsFor,
            boolean abiUpdate, FirmwareSelection firmware) {
        DomainDef def = DomainXml.parse(xml, options);
        DomainXml.checkIllegalChars("name", def.name, "\n/");
        QemuCaps caps = capsFor.apply(def);
        ImplicitControllers implicit = ImplicitControllers.detach(def, xml);
        QemuDefaults.postParse(def, caps, abiUpdate);
        firmware.complete(def, abiUpdate);
        implicit.reattach(def, caps);
        QemuDefaults.assignAddresses(def);
        return def;
    }

    /**
     * How the QEMU driver parses domain XML: x86_64 guests, and a video model left to the driver's defaults
     * (QEMU's Cirrus where it has one) rather than the generic parse's.
     */
    public static DomainParseOptions options() {
        return new DomainParseOptions("x86_64", true, d -> null, new java.security.SecureRandom());
    }
}
