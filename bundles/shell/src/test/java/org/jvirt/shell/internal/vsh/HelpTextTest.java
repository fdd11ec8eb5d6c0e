package org.jvirt.shell.internal.vsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Help texts in virsh's layout (expected texts copied from virsh 9.0's {@code help CMD}). */
class HelpTextTest {
    @Test
    void commandWithDataAndFlag() {
        CommandDef def = CommandDef.named("domstate").help("domain state").description("Returns state about a domain.")
                .option(OptionDef.data("domain", "domain name, id or uuid"))
                .option(OptionDef.bool("reason", "also print reason for the state")).build();
        assertThat(HelpText.command(def)).isEqualTo("""
                  NAME
                    domstate - domain state

                  SYNOPSIS
                    domstate <domain> [--reason]

                  DESCRIPTION
                    Returns state about a domain.

                  OPTIONS
                    [--domain] <string>  domain name, id or uuid
                    --reason         also print reason for the state

                """);
    }

    @Test
    void commandWithoutDescriptionOrOptions() {
        CommandDef def = CommandDef.named("uri").help("print the hypervisor canonical URI").build();
        assertThat(HelpText.command(def)).isEqualTo("""
                  NAME
                    uri - print the hypervisor canonical URI

                  SYNOPSIS
                    uri

                """);
    }

    @Test
    void stringOptionsAndArgv() {
        CommandDef def = CommandDef.named("send-key").help("Send keycodes to the guest")
                .description("Send keycodes (integers or symbolic names) to the guest")
                .option(OptionDef.data("domain", "domain name, id or uuid"))
                .option(OptionDef.string("codeset", "the codeset of keycodes, default:linux"))
                .option(OptionDef.integer("holdtime", "the time (in milliseconds) how long the keys will be held"))
                .option(OptionDef.argv("keycode", "the key code", true)).build();
        assertThat(HelpText.command(def)).isEqualTo("""
                  NAME
                    send-key - Send keycodes to the guest

                  SYNOPSIS
                    send-key <domain> [--codeset <string>] [--holdtime <number>] {[--keycode] <string>}...

                  DESCRIPTION
                    Send keycodes (integers or symbolic names) to the guest

                  OPTIONS
                    [--domain] <string>  domain name, id or uuid
                    --codeset <string>  the codeset of keycodes, default:linux
                    --holdtime <number>  the time (in milliseconds) how long the keys will be held
                    [--keycode] <string>  the key code

                """);
    }

    @Test
    void argvWithoutPositionalOptionsBefore() {
        CommandDef def = CommandDef.named("echo").help("echo arguments. Used for internal testing.")
                .option(OptionDef.bool("shell", "escape for shell use"))
                .option(OptionDef.argv("string", "arguments to echo", false)).build();
        assertThat(HelpText.command(def)).contains("    echo [--shell] [<string>]...\n")
                .contains("    <string>         arguments to echo\n");
    }

    @Test
    void groups() {
        CommandDef uri = CommandDef.named("uri").help("print the hypervisor canonical URI").build();
        CommandDef quit = CommandDef.named("quit").help("quit this interactive terminal").build();
        CommandGroup host = new CommandGroup("Host and Hypervisor", "host", List.of(uri));
        CommandGroup self = new CommandGroup("Virsh itself", "virsh", List.of(quit));
        assertThat(HelpText.group(self)).isEqualTo(" Virsh itself (help keyword 'virsh'):\n"
                + "    quit                           quit this interactive terminal\n");
        assertThat(HelpText.all(List.of(host, self))).isEqualTo("Grouped commands:\n\n"
                + " Host and Hypervisor (help keyword 'host'):\n"
                + "    uri                            print the hypervisor canonical URI\n\n"
                + " Virsh itself (help keyword 'virsh'):\n"
                + "    quit                           quit this interactive terminal\n\n");
    }
}
