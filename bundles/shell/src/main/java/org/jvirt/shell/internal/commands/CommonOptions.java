package org.jvirt.shell.internal.commands;

import org.jvirt.shell.internal.vsh.OptionDef;

/** Options many commands share, as virsh's VIRSH_COMMON_OPT_* macros. */
final class CommonOptions {
    private CommonOptions() {
    }

    /** {@code <domain>}: a domain by name, id or UUID. */
    static OptionDef domain() {
        return domain("domain name, id or uuid");
    }

    static OptionDef domain(String help) {
        return OptionDef.data("domain", help);
    }
}
