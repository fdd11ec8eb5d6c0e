package org.jvirt.driver.test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every call script of src/test/resources/libvirt, replayed against jvirt's test driver and compared, call by call,
 * with what libvirt 9.0's own test driver answered (NAME.expected, written by src/test/python/record_libvirt.py).
 * Core's TestDriverObjectScriptsTest runs the same scripts through the platform's proxies.
 */
class LibvirtCallsTest {
    static final Path DIR = Path.of("src", "test", "resources", "libvirt");

    @TestFactory
    Stream<DynamicNode> callsAgreeWithLibvirt() throws IOException {
        return CallScripts.compare(DIR, CallScript::direct, Path.of("target", "libvirt-calls-differences.txt"));
    }
}
