package org.jvirt.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.felix.service.command.Function;
import org.junit.jupiter.api.Test;

/** The console's modes, statuses and error reporting, through a real Gogo runtime. */
class ConsoleTest {
    private final FakeFactory factory = new FakeFactory();
    private final ShellHarness shell = new ShellHarness(factory);

    @Test
    void oneArgumentIsACommandLineWithSeveralCommands() {
        ShellHarness.Run r = shell.run("fake:///x", "uri; hostname");
        assertThat(r.out()).isEqualTo("fake:///x\n\nfakehost\n\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }

    @Test
    void theStatusIsTheLastCommands() {
        ShellHarness.Run r = shell.run("fake:///x", "dominfo nope; uri");
        assertThat(r.out()).isEqualTo("\nfake:///x\n\n");
        assertThat(r.err()).isEqualTo("error: failed to get domain 'nope'\n");
        assertThat(r.status()).isZero();
        assertThat(shell.run("fake:///x", "uri; dominfo nope").status()).isEqualTo(1);
    }

    @Test
    void severalArgumentsAreOneCommandsWords() {
        ShellHarness.Run r = shell.run("fake:///x", "dominfo", "a b");
        assertThat(r.err()).isEqualTo("error: failed to get domain 'a b'\n");
        assertThat(r.out()).isEqualTo("\n");
        assertThat(r.status()).isEqualTo(1);
        ShellHarness.Run words = shell.run("fake:///x", "help", "uri");
        assertThat(words.out()).startsWith("  NAME\n    uri - print the hypervisor canonical URI\n");
        assertThat(words.status()).isZero();
    }

    @Test
    void parseErrorsRunNothingAndPrintNoBlankLine() {
        ShellHarness.Run words = shell.run("fake:///x", "dominfo", "--bogus");
        assertThat(words.err()).isEqualTo("error: command 'dominfo' doesn't support option --bogus\n");
        assertThat(words.out()).isEmpty();
        assertThat(words.status()).isEqualTo(1);
        ShellHarness.Run line = shell.run("fake:///x", "dominfo");
        assertThat(line.err()).isEqualTo("error: command 'dominfo' requires <domain> option\n");
        assertThat(line.out()).isEmpty();
        assertThat(line.status()).isEqualTo(1);
    }

    @Test
    void unknownCommands() {
        ShellHarness.Run words = shell.run("fake:///x", "bogus", "x");
        assertThat(words.err()).isEqualTo("error: unknown command: 'bogus'\n");
        assertThat(words.status()).isEqualTo(1);
        ShellHarness.Run line = shell.run("fake:///x", "bogus");
        assertThat(line.err()).isEqualTo("error: unknown command: 'bogus'\n");
        assertThat(line.status()).isEqualTo(1);
    }

    @Test
    void stdinWithoutTerminalEchoesEachLineAfterThePrompt() {
        ShellHarness.Run r = shell.run("fake:///x", false, "uri\n\nhostname\n");
        assertThat(r.out()).isEqualTo(Console.BANNER + "jvirt # uri\nfake:///x\n\njvirt # \njvirt # hostname\n"
                + "fakehost\n\njvirt # \n");
        assertThat(r.status()).isZero();
    }

    @Test
    void quietDropsBannerAndBlankLinesButNotThePrompt() {
        ShellHarness.Run r = shell.run("fake:///x", true, "uri\nhostname\n");
        assertThat(r.out()).isEqualTo("jvirt # uri\nfake:///x\njvirt # hostname\nfakehost\njvirt # \n");
    }

    @Test
    void quitEndsTheLineAndTheSession() {
        ShellHarness.Run line = shell.run("fake:///x", "uri; quit; hostname");
        assertThat(line.out()).isEqualTo("fake:///x\n\n");
        assertThat(line.status()).isZero();
        ShellHarness.Run stdin = shell.run("fake:///x", false, "exit\nuri\n");
        assertThat(stdin.out()).isEqualTo(Console.BANNER + "jvirt # exit\n\n");
        assertThat(stdin.status()).isZero();
    }

    @Test
    void thePromptSaysWhenTheSessionIsReadOnly() {
        ShellHarness.Run r = shell.run("fake:///x", true, "connect --readonly\nconnect\nconnect fake:///y\n");
        assertThat(r.out()).isEqualTo("jvirt # connect --readonly\njvirt > connect\njvirt > connect fake:///y\n"
                + "jvirt # \n");
    }

    @Test
    void failuresInTheSessionStillEndWithStatusZero() {
        ShellHarness.Run r = shell.run("fake:///x", false, "dominfo nope\n");
        assertThat(r.err()).isEqualTo("error: failed to get domain 'nope'\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void aBadUriOnTheCommandLineStopsBeforeAnything() {
        ShellHarness.Run r = shell.run("bad:///x", "help");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: failed to connect to the hypervisor\n"
                + "error: no connection driver available for bad:///x\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void withoutUriTheFirstCommandConnectsToTheDefault() {
        ShellHarness.Run r = shell.run(null, "help uri; uri");
        assertThat(r.out()).endsWith("fake:///default\n\n");
        assertThat(factory.opened).hasSize(1);
        assertThat(factory.opened.get(0).closed).isTrue();
    }

    @Test
    void connectReplacesTheConnectionAndKeepsTheOldUriWhenItFails() {
        ShellHarness.Run r = shell.run("fake:///x", "connect fake:///y; uri; connect bad:///z; uri");
        assertThat(r.out()).isEqualTo("\nfake:///y\n\n\nfake:///y\n\n");
        assertThat(r.err()).isEqualTo("error: failed to connect to the hypervisor\n"
                + "error: no connection driver available for bad:///z\n");
        assertThat(factory.opened).extracting(c -> c.uri)
                .containsExactly("fake:///x", "fake:///y", "fake:///y");
        assertThat(factory.opened).allMatch(c -> c.closed);
    }

    @Test
    void connectReadOnlyAndReconnectKeepsIt() {
        shell.run("fake:///x", "connect --readonly; connect; connect fake:///y");
        assertThat(factory.opened).extracting(c -> c.readOnly).containsExactly(false, true, true, false);
    }

    @Test
    void unexpectedExceptionsAreInternalErrorsWithoutStack() {
        ShellHarness.Run r = shell.run("boom:///", "hostname");
        assertThat(r.err()).isEqualTo("error: internal error: boom\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void virtCommandsComeBeforeOtherScopes() throws Exception {
        Function other = (session, args) -> "the other help";
        ((org.apache.felix.gogo.runtime.CommandProcessorImpl) shell.processor()).addCommand("felix", other, "help");
        ShellHarness.Run r = shell.run("fake:///x", "help uri");
        assertThat(r.out()).startsWith("  NAME\n    uri");
    }

    @Test
    void gogoSyntaxErrorsAreReported() {
        ShellHarness.Run r = shell.run("fake:///x", "uri \"");
        assertThat(r.err()).startsWith("error: ");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void driversTable() {
        ShellHarness.Run r = shell.run(null, "drivers");
        assertThat(r.out()).isEqualTo("""
                 Name     Bundle                    Version   State       URI schemes
                -----------------------------------------------------------------------
                 broken   org.jvirt.driver.broken   0.1.0     INSTALLED   -
                 fake     org.jvirt.driver.fake     1.2.3     ACTIVE      fake, boom

                """);
        assertThat(factory.opened).isEmpty();
    }
}
