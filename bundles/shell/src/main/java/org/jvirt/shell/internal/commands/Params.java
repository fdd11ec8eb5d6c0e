package org.jvirt.shell.internal.commands;

import org.jvirt.api.TypedParameter;
import org.jvirt.api.TypedParameters;
import org.jvirt.shell.internal.CommandContext;

/** Typed parameters printed as virsh's tuning commands print them: "NAME           : VALUE". */
final class Params {
    private Params() {
    }

    static void print(CommandContext ctx, TypedParameters params) {
        for (TypedParameter p : params) {
            line(ctx, p.field(), p.valueText());
        }
    }

    static void line(CommandContext ctx, String field, String value) {
        ctx.print(String.format("%-15s: %s\n", field, value));
    }
}
