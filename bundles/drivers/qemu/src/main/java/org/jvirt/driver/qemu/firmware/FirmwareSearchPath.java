package org.jvirt.driver.qemu.firmware;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders firmware descriptors are read from, lowest precedence first, with the rules of QEMU's firmware.json
 * as libvirt applies them (qemuInteropFetchConfigs): a file name in a later folder hides the same name in an
 * earlier one, an empty file hides it without replacing it, names starting with a dot are ignored, and the files
 * are then taken in the order of their names, which is their priority.
 *
 * @param folders the folders, lowest precedence first
 */
public record FirmwareSearchPath(List<Path> folders) {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareSearchPath.class);
    /** QEMU's vendor folder, for the descriptors distributions ship. */
    public static final Path SHARE = Path.of("/usr/share/qemu/firmware");
    /** QEMU's folder for the host administrator's descriptors. */
    public static final Path ETC = Path.of("/etc/qemu/firmware");

    public FirmwareSearchPath {
        folders = List.copyOf(folders);
    }

    /** A descriptor that could be read, with the file it came from. */
    public record Found(Path path, FirmwareDescriptor descriptor) {
    }

    /**
     * QEMU's standard folders: /usr/share/qemu/firmware, /etc/qemu/firmware and, for an unprivileged user,
     * $XDG_CONFIG_HOME/qemu/firmware (~/.config when XDG_CONFIG_HOME is unset). Like libvirt's system daemon, a
     * privileged (root) driver does not read root's home.
     */
    public static FirmwareSearchPath standard(boolean privileged, Map<String, String> env, String userHome) {
        List<Path> out = new ArrayList<>(List.of(SHARE, ETC));
        if (!privileged) {
            String xdg = env.get("XDG_CONFIG_HOME");
            Path config = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(userHome, ".config");
            out.add(config.resolve("qemu/firmware"));
        }
        return new FirmwareSearchPath(out);
    }

    /** The descriptor files that count, in priority order (by file name), masked ones left out. */
    public List<Path> files() {
        Map<String, Path> byName = new TreeMap<>();
        for (Path folder : folders) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
                for (Path p : s) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith(".") && Files.isRegularFile(p)) {
                        byName.put(name, p);
                    }
                }
            } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
                // a folder that does not exist simply has no descriptors
            } catch (IOException e) {
                LOG.warn("firmware descriptors: cannot read folder {}: {}", folder, e.getMessage());
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path p : byName.values()) {
            try {
                if (Files.size(p) == 0) {
                    LOG.debug("firmware descriptor {} is empty: it masks the files of that name", p);
                    continue;
                }
            } catch (IOException e) {
                LOG.warn("firmware descriptors: cannot get the size of {}: {}", p, e.getMessage());
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /**
     * The descriptors, in priority order. A file that cannot be read or parsed is skipped with a warning naming
     * it, so that one broken file does not hide every other firmware.
     */
    public List<Found> load() {
        List<Found> out = new ArrayList<>();
        for (Path p : files()) {
            try {
                out.add(new Found(p, DescriptorParser.read(p)));
            } catch (DescriptorParser.BadDescriptorException e) {
                LOG.warn("firmware descriptor {} skipped: {}", p, e.getMessage());
            } catch (IOException e) {
                LOG.warn("firmware descriptor {} skipped: cannot read it: {}", p, e.getMessage());
            }
        }
        return out;
    }
}
