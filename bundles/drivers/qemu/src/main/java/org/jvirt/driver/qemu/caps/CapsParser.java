package org.jvirt.driver.qemu.caps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns QMP replies into {@link QemuCaps}. Separate from the probe so that the same code reads the replies of a
 * live QEMU and recorded ones (libvirt's {@code qemucapabilitiesdata/*.replies}).
 */
public final class CapsParser {
    /** The commands the probe sends, in order, each with no arguments. */
    public static final List<String> COMMANDS = List.of("query-version", "query-target", "query-kvm",
            "query-commands", "query-machines", "query-cpu-definitions", "qom-list-types", "query-qmp-schema",
            "query-tpm-models", "query-tpm-types", "query-sev-capabilities", "query-sgx-capabilities");

    /** The key under which {@link #parse}'s replies give TCG's {@code query-cpu-definitions}, when probed apart. */
    public static final String TCG_CPU_DEFINITIONS = "tcg:query-cpu-definitions";

    private CapsParser() {
    }

    /**
     * Builds the capabilities from the {@code return} value of each command of {@link #COMMANDS}.
     *
     * @param replies the return value of a command, or null when QEMU refused it
     */
    public static QemuCaps parse(String emulator, long size, long mtimeMillis, Function<String, JsonNode> replies) {
        JsonNode version = replies.apply("query-version");
        if (version == null) {
            throw new IllegalArgumentException("no reply to query-version");
        }
        JsonNode q = version.path("qemu");
        long v = q.path("major").asLong() * 1_000_000L + q.path("minor").asLong() * 1_000L + q.path("micro").asLong();
        String pkg = version.path("package").asText("").strip();
        String arch = text(replies.apply("query-target"), "arch");
        JsonNode kvmReply = replies.apply("query-kvm");
        boolean kvm = kvmReply != null && kvmReply.path("enabled").asBoolean(false);

        Set<String> commands = new LinkedHashSet<>();
        for (JsonNode c : array(replies.apply("query-commands"))) {
            commands.add(c.path("name").asText());
        }
        List<QemuCaps.Machine> machines = machines(replies.apply("query-machines"));
        List<QemuCaps.CpuModel> cpus = cpuModels(replies.apply("query-cpu-definitions"));
        JsonNode tcgReply = replies.apply(TCG_CPU_DEFINITIONS);
        List<QemuCaps.CpuModel> tcgCpus = tcgReply == null ? cpus : cpuModels(tcgReply);
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode t : array(replies.apply("qom-list-types"))) {
            types.add(t.path("name").asText());
        }
        return new QemuCaps(emulator, size, mtimeMillis, QemuCaps.FORMAT, v, pkg, arch, kvm, Set.copyOf(commands),
                List.copyOf(machines), List.copyOf(cpus), Set.copyOf(types), flags(replies), tcgCpus);
    }

    private static List<QemuCaps.CpuModel> cpuModels(JsonNode reply) {
        List<QemuCaps.CpuModel> cpus = new ArrayList<>();
        for (JsonNode c : array(reply)) {
            cpus.add(new QemuCaps.CpuModel(c.path("name").asText(), text(c, "typename"),
                    c.path("unavailable-features").size() == 0, c.path("deprecated").asBoolean(false)));
        }
        return cpus;
    }

    /**
     * The facts beyond commands and types, under libvirt's flag names: display back-ends from the QAPI schema, TPM
     * models and back-ends, and whether SEV and SGX answered (they fail on a host without them).
     */
    static Set<String> flags(Function<String, JsonNode> replies) {
        Set<String> flags = new LinkedHashSet<>();
        QapiSchema schema = new QapiSchema(replies.apply("query-qmp-schema"));
        for (String[] f : new String[][] {{"sdl", "query-display-options/ret-type/+sdl"},
                {"egl-headless", "query-display-options/ret-type/+egl-headless"},
                {"display-dbus", "query-display-options/ret-type/+dbus"},
                {"netdev.stream", "netdev_add/arg-type/+stream"}}) {
            if (schema.has(f[1])) {
                flags.add(f[0]);
            }
        }
        for (JsonNode m : array(replies.apply("query-tpm-models"))) {
            flags.add(m.asText()); // tpm-tis, tpm-crb, tpm-spapr: libvirt's flags carry the same names
        }
        for (JsonNode t : array(replies.apply("query-tpm-types"))) {
            flags.add("tpm-" + t.asText()); // tpm-passthrough, tpm-emulator
        }
        if (replies.apply("query-sev-capabilities") != null) {
            flags.add("query-sev-capabilities");
        }
        if (replies.apply("query-sgx-capabilities") != null) {
            flags.add("query-sgx-capabilities");
        }
        return Set.copyOf(flags);
    }

    /** The machine types in QEMU's order but the default one first and without "none", as libvirt keeps them. */
    static List<QemuCaps.Machine> machines(JsonNode reply) {
        List<QemuCaps.Machine> list = new ArrayList<>();
        QemuCaps.Machine def = null;
        for (JsonNode m : array(reply)) {
            if ("none".equals(m.path("name").asText())) {
                continue; // the probe's own empty machine, never offered to guests (as libvirt skips it)
            }
            QemuCaps.Machine machine = new QemuCaps.Machine(m.path("name").asText(), text(m, "alias"),
                    m.path("is-default").asBoolean(false), m.path("cpu-max").asInt(0),
                    m.path("deprecated").asBoolean(false), text(m, "default-cpu-type"), text(m, "default-ram-id"));
            if (machine.isDefault() && def == null) {
                def = machine;
            } else {
                list.add(machine);
            }
        }
        if (def != null) {
            list.add(0, def);
        }
        return list;
    }

    private static Iterable<JsonNode> array(JsonNode n) {
        return n != null && n.isArray() ? n : List.of();
    }

    private static String text(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
