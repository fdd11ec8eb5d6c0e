package org.jvirt.driver.qemu.command;

import java.util.List;
import java.util.regex.Pattern;

import org.jvirt.conf.domain.DomainDef;

/**
 * What of a domain definition jvirt's command line carries to QEMU, as XML path patterns ({@code *} one step,
 * {@code /**} the element and anything below it). A definition that sets anything else is refused ("… not supported by jvirt's QEMU
 * driver yet") instead of starting a guest that silently lacks it. Values are checked where they are used.
 */
final class SupportedSettings {
    private static final List<String> PATTERNS = List.of(
            "@type", "@id", "name", "uuid", "title", "description", "metadata", "metadata/**",
            "memory", "memory/*", "currentMemory", "currentMemory/*",
            "vcpu", "vcpu/text()", "vcpu/@placement", "vcpu/@current",
            "os", "os/type", "os/type/*", "os/boot", "os/boot/@dev", "os/bootmenu", "os/bootmenu/*",
            "os/@firmware", "os/firmware/**", "os/loader/**", "os/nvram/**",
            "features", "features/acpi", "features/apic", "features/pae",
            "features/vmport", "features/vmport/@state", "features/smm", "features/smm/@state",
            "features/ps2", "features/ps2/@state", "features/ioapic", "features/ioapic/@driver",
            "cpu", "cpu/@mode", "cpu/@match", "cpu/@check", "cpu/@migratable", "cpu/model", "cpu/model/@fallback", "cpu/model/text()",
            "cpu/topology", "cpu/topology/*",
            "clock", "clock/@offset", "clock/timer", "clock/timer/@name", "clock/timer/@present",
            "clock/timer/@tickpolicy", "clock/timer/@track", "clock/timer/catchup", "clock/timer/catchup/*",
            "on_poweroff", "on_reboot", "on_crash",
            "pm", "pm/*", "pm/*/@enabled",
            "devices", "devices/emulator",
            "devices/disk", "devices/disk/@type", "devices/disk/@model", "devices/disk/@device", "devices/disk/driver",
            "devices/disk/driver/@name", "devices/disk/driver/@type", "devices/disk/driver/@cache",
            "devices/disk/source", "devices/disk/source/@file", "devices/disk/source/@dev",
            "devices/disk/source/@index", "devices/disk/**/backingStore", "devices/disk/**/backingStore/@type",
            "devices/disk/**/backingStore/@index", "devices/disk/**/backingStore/format",
            "devices/disk/**/backingStore/format/@type", "devices/disk/**/backingStore/source",
            "devices/disk/**/backingStore/source/@file", "devices/disk/**/backingStore/source/@dev",
            "devices/disk/target",
            "devices/disk/target/@dev", "devices/disk/target/@bus", "devices/disk/readonly", "devices/disk/boot",
            "devices/disk/boot/@order", "devices/disk/alias/**", "devices/disk/address/**",
            "devices/controller", "devices/controller/@type", "devices/controller/@index",
            "devices/controller/@model", "devices/controller/@ports", "devices/controller/alias/**", "devices/controller/address/**",
            "devices/controller/model", "devices/controller/model/@name", "devices/controller/target",
            "devices/controller/target/@chassisNr",
            "devices/controller/target/@chassis", "devices/controller/target/@port",
            "devices/controller/target/@busNr", "devices/controller/target/@hotplug",
            "devices/controller/target/@memReserve", "devices/controller/target/node",
            "devices/controller/target/node/text()", "devices/controller/master",
            "devices/controller/master/@startport",
            "devices/interface", "devices/interface/@type", "devices/interface/mac", "devices/interface/mac/@address",
            "devices/interface/model", "devices/interface/model/@type", "devices/interface/link",
            "devices/interface/link/@state", "devices/interface/boot/**",
            "devices/interface/alias/**", "devices/interface/address/**",
            "devices/serial", "devices/serial/@type", "devices/serial/@tty", "devices/serial/source",
            "devices/serial/source/@path", "devices/serial/source/@mode", "devices/serial/source/@append",
            "devices/serial/target", "devices/serial/target/@type", "devices/serial/target/@port",
            "devices/serial/target/model", "devices/serial/target/model/@name",
            "devices/serial/alias/**",
            "devices/console", "devices/console/@type", "devices/console/@tty", "devices/console/source",
            "devices/console/source/@path", "devices/console/source/@mode", "devices/console/source/@append",
            "devices/console/target", "devices/console/target/@type", "devices/console/target/@port",
            "devices/console/alias/**",
            "devices/input", "devices/input/@type", "devices/input/@bus", "devices/input/alias/**",
            "devices/graphics", "devices/graphics/@type", "devices/graphics/@port", "devices/graphics/@autoport",
            "devices/graphics/@listen", "devices/graphics/listen", "devices/graphics/listen/@type",
            "devices/graphics/listen/@address",
            "devices/video", "devices/video/model", "devices/video/model/@type", "devices/video/model/@vram",
            "devices/video/model/@heads", "devices/video/model/@primary", "devices/video/alias/**",
            "devices/video/model/@ram", "devices/video/model/@vram64", "devices/video/model/@vgamem",
            "devices/video/model/resolution", "devices/video/model/resolution/@x",
            "devices/video/model/resolution/@y",
            "devices/video/address/**",
            "devices/watchdog", "devices/watchdog/@model", "devices/watchdog/@action", "devices/watchdog/alias/**",
            "devices/watchdog/address/**",
            "devices/iommu", "devices/iommu/@model", "devices/iommu/driver", "devices/iommu/driver/@intremap",
            "devices/iommu/driver/@caching_mode", "devices/iommu/driver/@iotlb", "devices/iommu/driver/@aw_bits",
            "devices/iommu/driver/@dma_translation", "devices/iommu/address/**", "devices/iommu/alias/**",
            "devices/memballoon", "devices/memballoon/@model", "devices/memballoon/@autodeflate",
            "devices/memballoon/@freePageReporting", "devices/memballoon/alias/**",
            "devices/memballoon/address/**",
            "devices/audio", "devices/audio/@id", "devices/audio/@type", "devices/audio/@timerPeriod",
            "devices/audio/@path", "devices/audio/input", "devices/audio/output",
            "devices/audio/*/@mixingEngine", "devices/audio/*/@fixedSettings", "devices/audio/*/@voices",
            "devices/audio/*/@bufferLength", "devices/audio/*/@dev", "devices/audio/*/@bufferCount",
            "devices/audio/*/@name", "devices/audio/*/@streamName", "devices/audio/*/@latency",
            "devices/audio/*/settings", "devices/audio/*/settings/*",
            "cpu/feature", "cpu/feature/@policy", "cpu/feature/@name", "features/apic/@eoi");
    private static final Pattern ALLOWED = Pattern.compile(String.join("|", PATTERNS.stream()
            .map(SupportedSettings::regex).toList()));

    private SupportedSettings() {
    }

    private static String regex(String glob) {
        StringBuilder b = new StringBuilder("(?:");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (glob.startsWith("/**", i)) {
                b.append("(?:/.*)?");
                i += 2;
            } else if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                b.append(".*");
                i++;
            } else if (c == '*') {
                b.append("[^/]+");
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.append(')').toString();
    }

    /** Fails with CONFIG_UNSUPPORTED naming the first setting of {@code def} the command line does not carry. */
    static void check(DomainDef def) {
        for (String path : DomainSettings.of(def)) {
            if (!ALLOWED.matcher(path).matches()) {
                throw QemuCommandLine.unsupported("<" + path + ">");
            }
        }
    }
}
