package org.jvirt.driver.qemu.domcaps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The x86 CPU models libvirt 9.0 knows, in its order, with their vendors: a QEMU model is offered to guests in
 * domain capabilities only when libvirt has a definition of it (its cpu_map), as libvirt does. Read from
 * {@code x86-cpu-models.txt}.
 */
public final class X86CpuModels {
    private static final Map<String, String> VENDORS = load();

    private X86CpuModels() {
    }

    /** The vendor of {@code model} ("Intel", "AMD", "Hygon", "unknown"), or null when libvirt has no such model. */
    static String vendor(String model) {
        return VENDORS.get(model);
    }

    /** Every model, in libvirt's order (virsh cpu-models x86_64). */
    public static List<String> names() {
        return List.copyOf(VENDORS.keySet());
    }

    private static Map<String, String> load() {
        Map<String, String> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                X86CpuModels.class.getResourceAsStream("x86-cpu-models.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.trim().split("\\s+");
                    m.put(f[0], f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(m);
    }
}
