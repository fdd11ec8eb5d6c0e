package org.jvirt.driver.qemu.caps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the capabilities XML and virNodeGetInfo say of the host, read from Linux's {@code /proc} and {@code /sys}.
 *
 * @param uuid      the host's UUID (SMBIOS, else the machine id)
 * @param arch      the host architecture (x86_64)
 * @param memoryKiB total memory
 * @param mhz       the CPU frequency, 0 when unknown
 * @param cells     the NUMA cells with their CPUs
 */
public record HostFacts(String uuid, String arch, long memoryKiB, int mhz, List<Cell> cells) {

    /** A NUMA cell. */
    public record Cell(int id, long memoryKiB, List<Cpu> cpus) {
    }

    /** An online CPU with its place in the topology. */
    public record Cpu(int id, int socket, int die, int core, String siblings) {
    }

    public int cpuCount() {
        return cells.stream().mapToInt(c -> c.cpus().size()).sum();
    }

    public int sockets() {
        return (int) cells.stream().flatMap(c -> c.cpus().stream()).map(Cpu::socket).distinct().count();
    }

    public int coresPerSocket() {
        long cores = cells.stream().flatMap(c -> c.cpus().stream()).map(c -> c.socket() + ":" + c.core())
                .distinct().count();
        return (int) Math.max(1, cores / Math.max(1, sockets()));
    }

    public int threadsPerCore() {
        return Math.max(1, cpuCount() / Math.max(1, sockets() * coresPerSocket()));
    }

    /** Reads the running host. */
    public static HostFacts read() {
        String arch = System.getProperty("os.arch");
        if ("amd64".equals(arch)) {
            arch = "x86_64";
        }
        long mem = meminfo(Path.of("/proc/meminfo"));
        List<Cell> cells = new ArrayList<>();
        Path nodes = Path.of("/sys/devices/system/node");
        TreeMap<Integer, Path> nodeDirs = new TreeMap<>();
        try (var s = Files.list(nodes)) {
            s.filter(p -> p.getFileName().toString().matches("node\\d+"))
                    .forEach(p -> nodeDirs.put(Integer.parseInt(p.getFileName().toString().substring(4)), p));
        } catch (IOException e) {
            // no NUMA information: one cell with every CPU
        }
        if (nodeDirs.isEmpty()) {
            cells.add(new Cell(0, mem, cpus(Path.of("/sys/devices/system/cpu"))));
        } else {
            for (var e : nodeDirs.entrySet()) {
                cells.add(new Cell(e.getKey(), meminfo(e.getValue().resolve("meminfo")), cpus(e.getValue())));
            }
        }
        if (!nodeDirs.isEmpty()) {
            // libvirt counts the NUMA cells' memory, which can be less than MemTotal (as virsh nodeinfo shows)
            mem = cells.stream().mapToLong(Cell::memoryKiB).sum();
        }
        return new HostFacts(hostUuid(), arch, mem, readMhz(), List.copyOf(cells));
    }

    private static List<Cpu> cpus(Path dir) {
        TreeMap<Integer, Cpu> cpus = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.matches("cpu\\d+")) {
                    continue;
                }
                int id = Integer.parseInt(n.substring(3));
                Path cpu = Path.of("/sys/devices/system/cpu", n);
                if ("0".equals(read(cpu.resolve("online"), "1"))) {
                    continue;
                }
                Path topo = cpu.resolve("topology");
                cpus.put(id, new Cpu(id, intOf(read(topo.resolve("physical_package_id"), "0")),
                        intOf(read(topo.resolve("die_id"), "0")), intOf(read(topo.resolve("core_id"), "0")),
                        read(topo.resolve("thread_siblings_list"), Integer.toString(id))));
            }
        } catch (IOException e) {
            // leave the list as found so far
        }
        return List.copyOf(cpus.values());
    }

    private static long meminfo(Path file) {
        try {
            for (String line : Files.readAllLines(file)) {
                // "MemTotal:  16384 kB" or, per node, "Node 0 MemTotal:  16384 kB"
                int i = line.indexOf("MemTotal:");
                if (i >= 0) {
                    return Long.parseLong(line.substring(i + 9).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown
        }
        return 0;
    }

    private static int readMhz() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.toLowerCase(Locale.ROOT).startsWith("cpu mhz")) {
                    return (int) Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown
        }
        return 0;
    }

    private static String hostUuid() {
        String dmi = read(Path.of("/sys/class/dmi/id/product_uuid"), "");
        if (!dmi.isEmpty()) {
            return dmi.toLowerCase(Locale.ROOT);
        }
        String id = read(Path.of("/etc/machine-id"), "");
        if (id.length() == 32) {
            return id.substring(0, 8) + "-" + id.substring(8, 12) + "-" + id.substring(12, 16) + "-"
                    + id.substring(16, 20) + "-" + id.substring(20);
        }
        return UUID.nameUUIDFromBytes(String.valueOf(System.getenv("HOSTNAME")).getBytes()).toString();
    }

    private static String read(Path p, String otherwise) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return otherwise;
        }
    }

    private static int intOf(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
