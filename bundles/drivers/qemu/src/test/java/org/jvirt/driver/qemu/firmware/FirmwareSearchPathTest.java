package org.jvirt.driver.qemu.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QEMU's descriptor folders with libvirt's precedence: by file name, later folders win, empty files mask. */
class FirmwareSearchPathTest {
    @TempDir
    Path tmp;

    static String rom(String file) {
        return "{\"interface-types\": [\"bios\"], \"mapping\": {\"device\": \"memory\", \"filename\": \"" + file
                + "\"}, \"targets\": [{\"architecture\": \"x86_64\", \"machines\": [\"pc-*\"]}], \"features\": []}";
    }

    private Path write(String folder, String name, String text) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void laterFoldersOverrideByNameAndFilesComeInNameOrder() throws IOException {
        write("share", "50-b.json", rom("/share/b"));
        write("share", "60-c.json", rom("/share/c"));
        write("share", "70-masked.json", rom("/share/masked"));
        write("etc", "50-b.json", rom("/etc/b"));
        write("etc", "10-a.json", rom("/etc/a"));
        write("etc", "70-masked.json", "");
        write("etc", ".hidden.json", rom("/etc/hidden"));
        write("home", "60-c.json", rom("/home/c"));
        FirmwareSearchPath path = new FirmwareSearchPath(
                List.of(tmp.resolve("share"), tmp.resolve("etc"), tmp.resolve("home"), tmp.resolve("absent")));
        assertThat(path.files()).containsExactly(tmp.resolve("etc/10-a.json"), tmp.resolve("etc/50-b.json"),
                tmp.resolve("home/60-c.json"));
        assertThat(path.load()).extracting(f -> ((FirmwareDescriptor.Memory) f.descriptor().mapping()).filename())
                .containsExactly("/etc/a", "/etc/b", "/home/c");
    }

    @Test
    void anUnreadableDescriptorIsSkippedAndTheOthersStay() throws IOException {
        write("d", "10-broken.json", "{ this is not json");
        write("d", "20-unknown-arch.json", rom("/x").replace("x86_64", "z80"));
        write("d", "30-good.json", rom("/good"));
        List<FirmwareSearchPath.Found> found = new FirmwareSearchPath(List.of(tmp.resolve("d"))).load();
        assertThat(found).extracting(FirmwareSearchPath.Found::path).containsExactly(tmp.resolve("d/30-good.json"));
    }

    @Test
    void qemusStandardFoldersWithTheUsersOnlyWhenUnprivileged() {
        assertThat(FirmwareSearchPath.standard(true, Map.of("XDG_CONFIG_HOME", "/x"), "/root").folders())
                .containsExactly(Path.of("/usr/share/qemu/firmware"), Path.of("/etc/qemu/firmware"));
        assertThat(FirmwareSearchPath.standard(false, Map.of("XDG_CONFIG_HOME", "/x"), "/home/u").folders())
                .containsExactly(Path.of("/usr/share/qemu/firmware"), Path.of("/etc/qemu/firmware"),
                        Path.of("/x/qemu/firmware"));
        assertThat(FirmwareSearchPath.standard(false, Map.of(), "/home/u").folders()).last()
                .isEqualTo(Path.of("/home/u/.config/qemu/firmware"));
    }
}
