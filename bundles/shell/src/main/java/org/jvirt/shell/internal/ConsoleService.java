package org.jvirt.shell.internal;

import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.jvirt.api.ConnectFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console bin/jvirt hands its command line to: a {@code java.util.function.Function} service with
 * {@code jvirt.console=true}, taking the launcher's request map and returning the exit status.
 */
@Component(service = java.util.function.Function.class, property = "jvirt.console=true")
public final class ConsoleService implements java.util.function.Function<Map<String, Object>, Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleService.class);

    @Reference
    private CommandProcessor processor;

    @Reference
    private ConnectFactory factory;

    @Override
    public Integer apply(Map<String, Object> request) {
        ConsoleRequest parsed = ConsoleRequest.from(request);
        try {
            return new Console(processor, CommandCatalog.standard(), factory, parsed).run();
        } catch (RuntimeException e) {
            LOG.error("the console failed", e);
            CommandRunner.error(parsed.out(), parsed.err(), "internal error: " + CommandRunner.describe(e));
            return 1;
        }
    }
}
