package org.jvirt.driver.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.HypervisorDriver;
import org.jvirt.conf.TestNodeXml;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's test driver: test:///default is one shared in-memory host for the life of this driver instance;
 * test:///PATH.xml loads a node file into a fresh host for each connection.
 */
@Component(service = HypervisorDriver.class, property = {HypervisorDriver.URI_SCHEMES + "=test",
        HypervisorDriver.DRIVER_NAME + "=test"})
public class TestHypervisorDriver implements HypervisorDriver {
    private static final Logger LOG = LoggerFactory.getLogger(TestHypervisorDriver.class);

    private TestState defaultState;

    public TestHypervisorDriver() {
        // needed by ServiceLoader and DS
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public List<String> uriSchemes() {
        return List.of("test");
    }

    @Override
    public Optional<Connect> open(ConnectRequest request) {
        URI uri = request.uri();
        if (uri == null || !"test".equals(uri.getScheme())) {
            return Optional.empty();
        }
        // a host in the URI means the remote driver's job, as in libvirt
        if (uri.getHost() != null && !uri.getHost().isEmpty() || uri.getRawAuthority() != null
                && !uri.getRawAuthority().isEmpty()) {
            return Optional.empty();
        }
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "testOpen: supply a path or use test:///default");
        }
        String text = uri.toString();
        if (path.equals("/default")) {
            return Optional.of(new TestConnect(text, defaultState(), request.events(), () -> { }));
        }
        TestNodeXml.TestNode node = TestNodeXml.read(Path.of(path), TestState.PARSE);
        TestState s = TestState.fromFile(node);
        NodeAuth.check(node.users(), request.auth());
        LOG.debug("test driver: loaded {}", path);
        return Optional.of(new TestConnect(text, s, request.events(), () -> { }));
    }

    private synchronized TestState defaultState() {
        if (defaultState == null) {
            String xml;
            try (InputStream in = TestHypervisorDriver.class.getResourceAsStream("default-node.xml")) {
                if (in == null) {
                    throw new IOException("default-node.xml missing from the bundle");
                }
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, e.getMessage(), e);
            }
            defaultState = TestState.defaultState(TestNodeXml.parse(xml, "(test driver)", null, TestState.PARSE));
            LOG.info("test driver: default state created");
        }
        return defaultState;
    }
}
