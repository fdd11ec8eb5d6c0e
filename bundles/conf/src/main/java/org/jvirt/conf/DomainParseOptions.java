package org.jvirt.conf;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.Function;

import org.jvirt.conf.domain.DomainDef;

/**
 * What a driver adds to the parsing of domain XML (libvirt's virDomainDefParserConfig and parse flags).
 *
 * @param defaultArch      the architecture of a guest whose {@code <os><type>} names none
 * @param inactive         parse a definition (true), ignoring live-only data such as {@code id}, or live status
 * @param defaultVideoType the model of a video device that names none, from the domain (may answer null)
 * @param random           the source of generated UUIDs and MAC addresses
 * @param validateSchema   check the document against libvirt's domain.rng before parsing it (libvirt's
 *                         VIR_DOMAIN_DEF_PARSE_VALIDATE_SCHEMA, asked for by the API's VALIDATE flags)
 */
public record DomainParseOptions(String defaultArch, boolean inactive, Function<DomainDef, String> defaultVideoType,
        Random random, boolean validateSchema) {

    /** Options that do not validate against the schema. */
    public DomainParseOptions(String defaultArch, boolean inactive, Function<DomainDef, String> defaultVideoType,
            Random random) {
        this(defaultArch, inactive, defaultVideoType, random, false);
    }

    /** libvirt's generic parser (as its xml2xml tests use): x86_64, no driver defaults. */
    public static DomainParseOptions generic() {
        return new DomainParseOptions("x86_64", true, d -> null, new SecureRandom());
    }

    /** libvirt's test driver: i686 guests, Xen video for Xen guests and Cirrus otherwise. */
    public static DomainParseOptions testDriver() {
        return new DomainParseOptions("i686", true, DomainParseOptions::testDriverVideo, new SecureRandom());
    }

    /**
     * libvirt's QEMU driver as far as the XML goes: x86_64 guests, and the video model QEMU would pick where none
     * is named (virtio on architectures without VGA, VGA elsewhere).
     */
    public static DomainParseOptions qemu() {
        return new DomainParseOptions("x86_64", true, DomainParseOptions::qemuVideo, new SecureRandom());
    }

    private static String qemuVideo(DomainDef def) {
        String arch = def.os == null || def.os.type == null ? null : def.os.type.arch;
        if (arch != null && (arch.startsWith("s390") || arch.startsWith("aarch64") || arch.startsWith("arm")
                || arch.startsWith("riscv") || arch.startsWith("loongarch"))) {
            return "virtio";
        }
        return "vga";
    }

    /** The same, with another source of randomness (tests use a fixed one). */
    public DomainParseOptions withRandom(Random r) {
        return new DomainParseOptions(defaultArch, inactive, defaultVideoType, r, validateSchema);
    }

    /** The same, parsing live status (keeps {@code id}). */
    public DomainParseOptions live() {
        return new DomainParseOptions(defaultArch, false, defaultVideoType, random, validateSchema);
    }

    /** The same, validating against libvirt's domain.rng first (a VALIDATE flag, see {@link XmlSchemas#requested}). */
    public DomainParseOptions validating() {
        return new DomainParseOptions(defaultArch, inactive, defaultVideoType, random, true);
    }

    /** The same, validating when an API call's {@code flags} ask for it ({@link XmlSchemas#requested}). */
    public DomainParseOptions validating(java.util.Collection<?> flags) {
        return XmlSchemas.requested(flags) ? validating() : this;
    }

    private static String testDriverVideo(DomainDef def) {
        String os = def.os == null || def.os.type == null ? null : def.os.type.value;
        if ("xen".equals(os) || "linux".equals(os)) {
            return "xen";
        }
        String arch = def.os == null || def.os.type == null ? null : def.os.type.arch;
        if (arch != null && arch.startsWith("ppc64")) {
            return "vga";
        }
        return "cirrus";
    }
}
