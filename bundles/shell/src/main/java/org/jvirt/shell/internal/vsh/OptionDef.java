package org.jvirt.shell.internal.vsh;

import java.util.Objects;

/**
 * One option of a command, as a vshCmdOptDef row: its name, kind, whether it is required, whether a bare word may
 * fill it by position, whether an empty value is accepted, and its help line. An {@link OptionType#ALIAS} names its
 * target in {@code aliasOf} ("mode" or "mode=shareable").
 */
public record OptionDef(String name, OptionType type, boolean required, boolean positional, boolean emptyOk,
        String help, String aliasOf) {

    public OptionDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (type == OptionType.BOOL && required) {
            throw new IllegalArgumentException("a flag cannot be required: --" + name);
        }
        if (type == OptionType.ALIAS && aliasOf == null) {
            throw new IllegalArgumentException("an alias names its option: --" + name);
        }
    }

    /** A flag. */
    public static OptionDef bool(String name, String help) {
        return new OptionDef(name, OptionType.BOOL, false, false, false, help, null);
    }

    /** A required string normally given by position, such as {@code <domain>} or {@code <file>}. */
    public static OptionDef data(String name, String help) {
        return new OptionDef(name, OptionType.DATA, true, true, false, help, null);
    }

    /** An optional string that a bare word may also fill by position. */
    public static OptionDef string(String name, String help) {
        return new OptionDef(name, OptionType.STRING, false, true, false, help, null);
    }

    /** An optional number that a bare word may also fill by position. */
    public static OptionDef integer(String name, String help) {
        return new OptionDef(name, OptionType.INT, false, true, false, help, null);
    }

    /** The remaining positional words. */
    public static OptionDef argv(String name, String help, boolean required) {
        return new OptionDef(name, OptionType.ARGV, required, true, false, help, null);
    }

    /** Another spelling of {@code target} (which may carry a value: "mode=shareable"). */
    public static OptionDef alias(String name, String target) {
        return new OptionDef(name, OptionType.ALIAS, false, false, false, null, target);
    }

    /** The same option, which only {@code --name value} fills (vsh's VSH_OFLAG_REQ_OPT). */
    public OptionDef namedOnly() {
        return new OptionDef(name, type, required, false, emptyOk, help, aliasOf);
    }

    /** The same option, required. */
    public OptionDef asRequired() {
        return new OptionDef(name, type, true, positional, emptyOk, help, aliasOf);
    }

    /** The same option, accepting an empty value. */
    public OptionDef allowingEmpty() {
        return new OptionDef(name, type, required, positional, true, help, aliasOf);
    }

    /** Whether this option takes a value. */
    public boolean takesValue() {
        return type != OptionType.BOOL && type != OptionType.ALIAS;
    }

    /** Whether a bare word may fill it (the options vsh keeps in its "needs an argument" set). */
    boolean fillsByPosition() {
        return takesValue() && positional;
    }
}
