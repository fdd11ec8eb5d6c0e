package org.jvirt.driver.remote;

import java.util.List;
import java.util.Optional;

import org.jvirt.api.Connect;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.HypervisorDriver;
import org.jvirt.driver.remote.internal.RemoteSession;
import org.osgi.service.component.annotations.Component;

/**
 * libvirt's remote driver: every URI with a transport ({@code qemu+tcp://host/system}, {@code test+unix:///default})
 * or a server, and any URI no local driver takes, is opened on a libvirt daemon (libvirtd or jvirt's) over
 * libvirt's wire protocol.
 */
@Component(service = HypervisorDriver.class, property = {HypervisorDriver.URI_SCHEMES + "=remote",
        HypervisorDriver.DRIVER_NAME + "=remote", HypervisorDriver.REMOTE + ":Boolean=true"})
public class RemoteHypervisorDriver implements HypervisorDriver {

    public RemoteHypervisorDriver() {
        // needed by ServiceLoader and DS
    }

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public List<String> uriSchemes() {
        return List.of("remote");
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public Optional<Connect> open(ConnectRequest request) {
        if (request.uri() == null || request.uri().getScheme() == null) {
            return Optional.empty();
        }
        return Optional.of(RemoteSession.open(request));
    }
}
