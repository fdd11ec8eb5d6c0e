package org.jvirt.shell.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Function;
import org.jvirt.api.ConnectFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each command as a Gogo function service in scope {@code virt} ({@code osgi.command.function} is the
 * command's own name, hyphens and all), for as long as a {@link ConnectFactory} is there.
 */
@Component(immediate = true)
public final class ShellCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ShellCommands.class);

    @Reference
    private ConnectFactory factory;

    private final List<ServiceRegistration<Function>> registrations = new ArrayList<>();
    private SessionStates states;

    @Activate
    void activate(BundleContext context) {
        CommandCatalog catalog = CommandCatalog.standard();
        CommandRunner runner = new CommandRunner(catalog);
        states = new SessionStates(factory);
        for (VirshCommand command : catalog.all()) {
            String name = command.definition().name();
            if (CommandCatalog.CONSOLE_ONLY.contains(name)) {
                continue;
            }
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(CommandProcessor.COMMAND_SCOPE, "virt");
            props.put(CommandProcessor.COMMAND_FUNCTION, name);
            registrations.add(context.registerService(Function.class, new GogoCommand(command, runner, states),
                    props));
        }
        LOG.info("shell commands published in scope virt: {}", registrations.size());
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Function> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
        states.closeAll();
    }
}
