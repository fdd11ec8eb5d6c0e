package org.jvirt.shell.internal.vsh;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one command's words against its definition with vsh's rules: {@code --name value} and
 * {@code --name=value}; bare words fill, in definition order, the options that take values by position;
 * {@code --} makes every later word data; {@code --help} turns the command into help for itself; every required
 * option must be given. Errors carry vsh's messages.
 */
public final class ArgvParser {
    private ArgvParser() {
    }

    public static ParsedArgs parse(CommandDef def, List<String> words) {
        List<OptionDef> opts = def.options();
        boolean[] seen = new boolean[opts.size()];
        boolean[] awaitingPosition = new boolean[opts.size()];
        for (int i = 0; i < opts.size(); i++) {
            awaitingPosition[i] = opts.get(i).fillsByPosition();
        }
        boolean isHelp = def.name().equals("help");
        boolean dataOnly = false;
        boolean helpRequested = false;
        List<ParsedArgs.Given> given = new ArrayList<>();

        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (!dataOnly && word.length() > 2 && word.startsWith("--") && isAsciiAlnum(word.charAt(2))) {
                String name = word.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (name.equals("help")) {
                    if (value != null) {
                        throw new VshSyntaxException("invalid '=' after option --help");
                    }
                    helpRequested = true;
                    continue;
                }
                int index = -1;
                String alias = name;
                for (int i = 0; i < opts.size(); i++) {
                    OptionDef o = opts.get(i);
                    if (!o.name().equals(alias)) {
                        continue;
                    }
                    if (o.type() == OptionType.ALIAS) {
                        String target = o.aliasOf();
                        int aeq = target.indexOf('=');
                        if (aeq >= 0) {
                            if (value != null) {
                                throw new VshSyntaxException("invalid '=' after option --" + o.name());
                            }
                            value = target.substring(aeq + 1);
                            target = target.substring(0, aeq);
                        }
                        alias = target;
                        continue;
                    }
                    if (seen[i] && o.type() != OptionType.ARGV) {
                        throw new VshSyntaxException("option --" + alias + " already seen");
                    }
                    seen[i] = true;
                    index = i;
                    break;
                }
                if (index < 0) {
                    if (isHelp) {
                        continue;
                    }
                    throw new VshSyntaxException("command '" + def.name() + "' doesn't support option --" + name);
                }
                OptionDef opt = opts.get(index);
                if (opt.takesValue()) {
                    if (value == null) {
                        if (w + 1 >= words.size()) {
                            throw new VshSyntaxException("expected syntax: --" + opt.name() + " <"
                                    + (opt.type() == OptionType.INT ? "number" : "string") + ">");
                        }
                        value = words.get(++w);
                    }
                    if (opt.type() != OptionType.ARGV) {
                        awaitingPosition[index] = false;
                    }
                    given.add(new ParsedArgs.Given(opt, value));
                } else {
                    if (value != null) {
                        throw new VshSyntaxException("invalid '=' after option --" + opt.name());
                    }
                    given.add(new ParsedArgs.Given(opt, null));
                }
                continue;
            }
            if (!dataOnly && word.equals("--")) {
                dataOnly = true;
                continue;
            }
            int index = -1;
            for (int i = 0; i < opts.size(); i++) {
                if (awaitingPosition[i]) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                if (isHelp) {
                    continue;
                }
                throw new VshSyntaxException("unexpected data '" + word + "'");
            }
            OptionDef opt = opts.get(index);
            if (opt.type() != OptionType.ARGV) {
                awaitingPosition[index] = false;
            }
            seen[index] = true;
            given.add(new ParsedArgs.Given(opt, word));
        }

        if (!helpRequested) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < opts.size(); i++) {
                OptionDef o = opts.get(i);
                if (o.required() && !seen[i]) {
                    missing.add(o.type() == OptionType.DATA || o.type() == OptionType.ARGV
                            ? "command '" + def.name() + "' requires <" + o.name() + "> option"
                            : "command '" + def.name() + "' requires --" + o.name() + " option");
                }
            }
            if (!missing.isEmpty()) {
                throw new VshSyntaxException(missing);
            }
        }
        return new ParsedArgs(def, given, helpRequested);
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
