package org.jvirt.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

    @Test
    void optionsComeBeforeTheCommandWhichIsLeftWhole() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"-c", "test:///default", "-q", "dominfo", "--domain", "x"});
        assertThat(o.uri()).isEqualTo("test:///default");
        assertThat(o.quiet()).isTrue();
        assertThat(o.readOnly()).isFalse();
        assertThat(o.command()).containsExactly("dominfo", "--domain", "x");
    }

    @Test
    void longFormsAndDaemon() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--connect=qemu:///system", "--readonly", "--daemon"});
        assertThat(o.uri()).isEqualTo("qemu:///system");
        assertThat(o.readOnly()).isTrue();
        assertThat(o.daemon()).isTrue();
        assertThat(o.command()).isEmpty();
    }

    @Test
    void badOptionsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"-x"}))
                .hasMessage("unsupported option '-x'. See --help.");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"-c"}))
                .hasMessage("option '-c' requires an argument");
    }

    @Test
    void startupListKeepsOrderAndLevels(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("startup.properties");
        Files.writeString(file, "# comment\nbundle/a.jar = 1\n\nbundle/b.jar=3\n");
        StartupList list = StartupList.read(file, dir);
        assertThat(list.entries()).extracting(e -> e.jar().getFileName().toString()).containsExactly("a.jar", "b.jar");
        assertThat(list.highestLevel()).isEqualTo(3);
        Files.writeString(file, "bundle/a.jar = one\n");
        assertThatThrownBy(() -> StartupList.read(file, dir)).hasMessageContaining(":1: the start level must be a number");
    }

    @Test
    void aSeparateHomeIsSeededWithTheInstallationsEtc(@TempDir Path dir) throws Exception {
        Path install = Files.createDirectories(dir.resolve("install/etc"));
        Files.writeString(install.resolve("x.cfg"), "a = 1\n");
        Home home = new Home(dir.resolve("install"), dir.resolve("home"));
        home.prepare();
        assertThat(home.etc().resolve("x.cfg")).hasContent("a = 1");
        assertThat(home.deploy()).isDirectory();
        assertThat(home.data().resolve("log")).isDirectory();
        Path cache = home.cacheFor(ProcessHandle.current().pid());
        assertThat(cache.getFileName().toString()).isEqualTo("run-" + ProcessHandle.current().pid());
    }
}
