package org.jvirt.shell.internal.vsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The parser against what virsh 9.0 answers for the same words (each expected message checked with virsh). */
class ArgvParserTest {
    private static final CommandDef DOMINFO = CommandDef.named("dominfo").help("domain information")
            .option(OptionDef.data("domain", "domain name, id or uuid")).build();
    private static final CommandDef SHUTDOWN = CommandDef.named("shutdown").help("gracefully shutdown a domain")
            .option(OptionDef.data("domain", "d")).option(OptionDef.string("mode", "m")).build();
    private static final CommandDef DUMPXML = CommandDef.named("dumpxml").help("domain information in XML")
            .option(OptionDef.data("domain", "d")).option(OptionDef.bool("inactive", "i"))
            .option(OptionDef.string("xpath", "x").namedOnly()).option(OptionDef.bool("wrap", "w")).build();
    private static final CommandDef LIST = CommandDef.named("list").help("list domains")
            .option(OptionDef.bool("all", "a")).option(OptionDef.bool("name", "n")).build();
    private static final CommandDef HELP = CommandDef.named("help").help("print help")
            .option(OptionDef.string("command", "c")).build();

    private static ParsedArgs parse(CommandDef def, String... words) {
        return ArgvParser.parse(def, List.of(words));
    }

    private static void fails(CommandDef def, String message, String... words) {
        assertThatThrownBy(() -> parse(def, words)).isInstanceOf(VshSyntaxException.class)
                .satisfies(e -> assertThat(((VshSyntaxException) e).messages()).containsExactly(message));
    }

    @Test
    void dataIsFilledByPositionOrByName() {
        assertThat(parse(DOMINFO, "test").string("domain")).isEqualTo("test");
        assertThat(parse(DOMINFO, "--domain", "test").string("domain")).isEqualTo("test");
        assertThat(parse(DOMINFO, "--domain=test").string("domain")).isEqualTo("test");
        assertThat(parse(DOMINFO, "--domain=a=b").string("domain")).isEqualTo("a=b");
    }

    @Test
    void requiredDataMissing() {
        fails(DOMINFO, "command 'dominfo' requires <domain> option");
    }

    @Test
    void extraWordsAreUnexpected() {
        fails(DOMINFO, "unexpected data 'b'", "a", "b");
        fails(DUMPXML, "unexpected data 'extra'", "--inactive", "test", "extra");
    }

    @Test
    void optionalStringsTakeBareWordsInOrder() {
        ParsedArgs args = parse(SHUTDOWN, "test", "acpi");
        assertThat(args.string("domain")).isEqualTo("test");
        assertThat(args.string("mode")).isEqualTo("acpi");
        ParsedArgs named = parse(SHUTDOWN, "--mode", "agent", "test");
        assertThat(named.string("domain")).isEqualTo("test");
        assertThat(named.string("mode")).isEqualTo("agent");
    }

    @Test
    void namedOnlyOptionsNeedTheirName() {
        ParsedArgs args = parse(DUMPXML, "test", "--xpath", "//name", "--wrap");
        assertThat(args.string("xpath")).isEqualTo("//name");
        assertThat(args.has("wrap")).isTrue();
        assertThat(args.has("inactive")).isFalse();
    }

    @Test
    void unknownOptions() {
        fails(LIST, "command 'list' doesn't support option --foo", "--foo");
    }

    @Test
    void flagsTakeNoValue() {
        fails(LIST, "invalid '=' after option --all", "--all=1");
    }

    @Test
    void valueMissingAtTheEnd() {
        fails(DOMINFO, "expected syntax: --domain <string>", "--domain");
        CommandDef counted = CommandDef.named("setvcpus").help("h").option(OptionDef.integer("count", "c")).build();
        fails(counted, "expected syntax: --count <number>", "--count");
    }

    @Test
    void optionsOnlyOnce() {
        fails(DOMINFO, "option --domain already seen", "--domain", "a", "--domain", "b");
    }

    @Test
    void doubleDashMakesTheRestData() {
        assertThat(parse(DOMINFO, "--", "--x").string("domain")).isEqualTo("--x");
    }

    @Test
    void wordsThatAreNotOptions() {
        // an option starts with two dashes and a letter or digit; anything else is data
        assertThat(parse(DOMINFO, "-x").string("domain")).isEqualTo("-x");
        assertThat(parse(DOMINFO, "---x").string("domain")).isEqualTo("---x");
        fails(DOMINFO, "command 'dominfo' requires <domain> option", "--");
    }

    @Test
    void helpOptionTurnsIntoHelpAndSkipsRequiredChecks() {
        assertThat(parse(DOMINFO, "--help").helpRequested()).isTrue();
        fails(DOMINFO, "invalid '=' after option --help", "--help=x");
        fails(DOMINFO, "command 'dominfo' doesn't support option --foo", "--foo", "--help");
    }

    @Test
    void helpIgnoresWhatItDoesNotKnow() {
        ParsedArgs args = parse(HELP, "--foo", "uri", "extra");
        assertThat(args.string("command")).isEqualTo("uri");
    }

    @Test
    void everyMissingRequiredOptionIsReported() {
        CommandDef two = CommandDef.named("attach").help("h").option(OptionDef.data("domain", "d"))
                .option(OptionDef.data("target", "t")).option(OptionDef.string("type", "t").namedOnly().asRequired())
                .build();
        assertThatThrownBy(() -> parse(two)).isInstanceOf(VshSyntaxException.class)
                .satisfies(e -> assertThat(((VshSyntaxException) e).messages()).containsExactly(
                        "command 'attach' requires <domain> option", "command 'attach' requires <target> option",
                        "command 'attach' requires --type option"));
    }

    @Test
    void argvTakesEveryRemainingWord() {
        CommandDef echo = CommandDef.named("echo").help("h").option(OptionDef.bool("shell", "s"))
                .option(OptionDef.argv("string", "s", false)).build();
        ParsedArgs args = parse(echo, "a", "--shell", "b", "--string", "c");
        assertThat(args.argv("string")).containsExactly("a", "b", "c");
    }

    @Test
    void aliasesStandForTheirOption() {
        CommandDef disk = CommandDef.named("attach-disk").help("h").option(OptionDef.alias("shareable", "mode=shareable"))
                .option(OptionDef.alias("persistent-alias", "mode")).option(OptionDef.string("mode", "m")).build();
        assertThat(parse(disk, "--shareable").string("mode")).isEqualTo("shareable");
        assertThat(parse(disk, "--persistent-alias", "x").string("mode")).isEqualTo("x");
        fails(disk, "invalid '=' after option --shareable", "--shareable=x");
    }

    @Test
    void emptyValuesFailWhenTheCommandAsksForThem() {
        ParsedArgs args = parse(SHUTDOWN, "test", "--mode=");
        assertThatThrownBy(() -> args.string("mode")).isInstanceOf(CommandFailure.class)
                .hasMessage("Failed to get option 'mode': Option argument is empty");
        assertThatThrownBy(() -> args.stringQuiet("mode")).isInstanceOf(CommandFailure.class).hasMessage(null);
    }

    @Test
    void exclusiveAndRequiredOptions() {
        ParsedArgs args = parse(LIST, "--all", "--name");
        assertThatThrownBy(() -> args.exclusive("all", "name")).isInstanceOf(CommandFailure.class)
                .hasMessage("Options --all and --name are mutually exclusive");
        ParsedArgs alone = parse(LIST, "--name");
        assertThatThrownBy(() -> alone.requires("name", "all")).isInstanceOf(CommandFailure.class)
                .hasMessage("Option --all is required by option --name");
    }

    @Test
    void integersAsStrtolReadsThem() {
        CommandDef counted = CommandDef.named("setvcpus").help("h").option(OptionDef.integer("count", "c")).build();
        assertThat(parse(counted, " 12").integer("count")).hasValue(12);
        assertThat(parse(counted, "+3").integer("count")).hasValue(3);
        assertThatThrownBy(() -> parse(counted, "0x1").integer("count")).isInstanceOf(CommandFailure.class)
                .hasMessage("Numeric value '0x1' for <count> option is malformed or out of range");
        assertThatThrownBy(() -> parse(counted, "4294967296").integer("count"))
                .isInstanceOf(CommandFailure.class);
    }

    @Test
    void definitionsFollowVshRules() {
        assertThatThrownBy(() -> CommandDef.named("bad").help("h").option(OptionDef.string("a", "a"))
                .option(OptionDef.data("b", "b")).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandDef.named("bad").help("h").option(OptionDef.argv("a", "a", false))
                .option(OptionDef.bool("b", "b")).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandDef.named("bad").help("h").option(OptionDef.alias("a", "nothing")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
