package org.jvirt.shell.internal.vsh;

/** The kinds of option a virsh command takes (vsh's option types). */
public enum OptionType {
    /** A flag: present or not, never with a value. */
    BOOL,
    /** A number, given as {@code --name N} or, unless named-only, by position. */
    INT,
    /** A string, given as {@code --name S} or, unless named-only, by position. */
    STRING,
    /** A required string that is normally given by position ({@code <domain>}). */
    DATA,
    /** Every remaining positional word; always the last option. */
    ARGV,
    /** Another spelling of a later option, possibly with a value ({@code --shareable} as {@code --mode=shareable}). */
    ALIAS
}
