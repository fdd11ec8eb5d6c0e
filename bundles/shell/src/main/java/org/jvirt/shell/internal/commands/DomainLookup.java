package org.jvirt.shell.internal.commands;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.vsh.CNumbers;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * Finds the domain a command names, as virsh does: by id (a non-negative number), then by UUID (36 characters),
 * then by name. A miss fails with "failed to get domain 'X'" alone: the lookups' own errors are dropped, as virsh
 * drops them.
 */
final class DomainLookup {
    /** Which ways to look. */
    enum By {
        ID_UUID_NAME(true, true, true),
        UUID_NAME(false, true, true),
        ID_NAME(true, false, true),
        ID_UUID(true, true, false);

        final boolean id;
        final boolean uuid;
        final boolean name;

        By(boolean id, boolean uuid, boolean name) {
            this.id = id;
            this.uuid = uuid;
            this.name = name;
        }
    }

    /** A domain with the word the user named it by. */
    record Named(String given, Domain domain) {
    }

    private DomainLookup() {
    }

    /** The domain named by the command's {@code domain} option. */
    static Named domain(CommandContext context, ParsedArgs args, By by) {
        String given = args.string("domain");
        return new Named(given, find(context.connection(), given, by));
    }

    /** The domain the command's {@code domain} option names, looked up every way. */
    static Domain domain(CommandContext context, ParsedArgs args) {
        return domain(context, args, By.ID_UUID_NAME).domain();
    }

    static Domain find(Connect connection, String given, By by) {
        Domain found = null;
        if (by.id) {
            OptionalLong id = CNumbers.strtoi(given);
            if (id.isPresent() && id.getAsLong() >= 0) {
                found = quietly(() -> connection.domainLookupByID((int) id.getAsLong()));
            }
        }
        if (found == null && by.uuid && given.getBytes(StandardCharsets.UTF_8).length == 36) {
            found = quietly(() -> connection.domainLookupByUUIDString(given));
        }
        if (found == null && by.name) {
            found = quietly(() -> connection.domainLookupByName(given));
        }
        if (found == null) {
            throw new CommandFailure("failed to get domain '" + given + "'");
        }
        return found;
    }

    private static Domain quietly(java.util.function.Supplier<Domain> lookup) {
        try {
            return lookup.get();
        } catch (VirtException e) {
            return null;
        }
    }
}
