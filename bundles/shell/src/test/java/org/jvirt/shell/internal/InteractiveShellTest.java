package org.jvirt.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt's line editing driven through a terminal (JLine's external terminal over byte streams, as a user's
 * keys arrive): Tab completes command names, options and domain names from the hypervisor, and the up arrow
 * brings back the previous line from the history, which is kept in its file.
 */
class InteractiveShellTest {
    @TempDir
    Path dir;

    private ByteArrayOutputStream screen;

    private ShellSession session() {
        ShellSession s = new ShellSession(TestDriverFactory.fresh(), "test:///default", false, false);
        s.interactive(true);
        return s;
    }

    private String[] type(String keys, Path history, int lines) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Terminal terminal = new ExternalTerminal("test", "ansi",
                new java.io.ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen,
                StandardCharsets.UTF_8);
        terminal.setSize(new org.jline.terminal.Size(160, 40));
        this.screen = screen;
        String[] read = new String[lines];
        try (ShellSession session = session();
                JLineInput input = JLineInput.open(terminal, history, new Completions(CommandCatalog.standard()),
                        session)) {
            for (int i = 0; i < lines; i++) {
                read[i] = input.read("jvirt # ");
            }
        }
        return read;
    }

    @Test
    void tabCompletesCommandOptionAndDomainName() throws Exception {
        String[] lines = type("domstat\u0065\tte\t--rea\t\r", dir.resolve("history"), 1);
        assertThat(lines[0]).as(screen.toString(StandardCharsets.UTF_8)).isEqualTo("domstate test --reason ");
    }

    @Test
    void upArrowRecallsThePreviousLineAndTheHistoryIsKept() throws Exception {
        Path history = dir.resolve("history");
        String[] lines = type("nodeinfo\rlist --all\r\u001b[A\u001b[A\r", history, 3);
        assertThat(lines).containsExactly("nodeinfo", "list --all", "nodeinfo");
        assertThat(Files.readString(history)).contains("nodeinfo").contains("list --all");
        // a new prompt starts from the saved history
        String[] again = type("\u001b[A\r", history, 1);
        assertThat(again[0]).isEqualTo("nodeinfo");
    }

    @Test
    void completionOffersWhatVirshOffers() {
        Completions c = new Completions(CommandCatalog.standard());
        try (ShellSession s = session()) {
            assertThat(c.complete("ech", s::connection)).containsExactly("echo");
            assertThat(c.complete("domstate ", s::connection)).containsExactly("test", "--domain", "--reason");
            assertThat(c.complete("domstate te", s::connection)).containsExactly("test");
            assertThat(c.complete("domstate test ", s::connection)).containsExactly("--reason");
            assertThat(c.complete("echo --xm", s::connection)).containsExactly("--xml");
            assertThat(c.complete("dominfo --domain ", s::connection)).containsExactly("test");
            assertThat(c.complete("uri; ech", s::connection)).containsExactly("echo");
        }
    }
}
