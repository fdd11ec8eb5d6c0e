package org.jvirt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Libvirt;
import org.jvirt.api.Modifies;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.HypervisorDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The names, UUIDs, ids, keys and MACs libvirt reads from its object handles: the platform's handles answer them
 * from the driver's object, as the driver gives them, with no other check than the connection's.
 */
class HandleFieldsTest {
    /** libvirt 9.0's functions whose body checks the handle and returns one of its fields, calling no driver. */
    private static final Set<String> HANDLE_READERS = Set.of("virDomainGetName", "virDomainGetUUID",
            "virDomainGetUUIDString", "virDomainGetID", "virDomainSnapshotGetName", "virDomainCheckpointGetName",
            "virNetworkGetName", "virNetworkGetUUID", "virNetworkGetUUIDString", "virNetworkPortGetUUID",
            "virNetworkPortGetUUIDString", "virStoragePoolGetName", "virStoragePoolGetUUID",
            "virStoragePoolGetUUIDString", "virStorageVolGetName", "virStorageVolGetKey", "virNodeDeviceGetName",
            "virInterfaceGetName", "virInterfaceGetMACString", "virNWFilterGetName", "virNWFilterGetUUID",
            "virNWFilterGetUUIDString", "virNWFilterBindingGetPortDev", "virNWFilterBindingGetFilterName",
            "virSecretGetUUID", "virSecretGetUUIDString", "virSecretGetUsageType", "virSecretGetUsageID");

    private final Hub hub = new Hub(() -> "fields:///default");
    private final AtomicInteger driverCalls = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final UUID uuid = UUID.fromString("0a0b0c0d-0102-0304-0506-0708090a0b0c");

    HandleFieldsTest() {
        hub.addDriver(new FieldsDriver(), "fields", List.of("fields"), false, "fields-key");
    }

    @AfterEach
    void stop() {
        hub.shutdown();
    }

    @Test
    void onlyFunctionsLibvirtAnswersFromTheHandleAreFields() {
        List<String> functions = new ArrayList<>();
        for (Method m : HandleFields.methods()) {
            assertThat(m.getParameterCount()).as("%s takes nothing", m).isZero();
            assertThat(m.getAnnotation(Modifies.class)).as("%s changes nothing", m).isNull();
            Libvirt name = m.getAnnotation(Libvirt.class);
            assertThat(name).as("%s stands for a libvirt function", m).isNotNull();
            functions.add(name.value());
        }
        assertThat(functions).containsExactlyInAnyOrderElementsOf(HANDLE_READERS);
        assertThat(HandleFields.getter(method("getInfo"))).isNull();
        assertThat(HandleFields.getter(method("getOSType"))).isNull();
    }

    @Test
    void fieldsAreTheDriversAnswers() {
        Domain d = open().domainLookupByName("vm");
        int before = driverCalls.get();
        assertThat(d.getName()).isEqualTo("vm");
        assertThat(d.getUUID()).isEqualTo(uuid);
        assertThat(d.getUUIDString()).isEqualTo(uuid.toString());
        assertThat(d.getID()).isEqualTo(7);
        assertThat(driverCalls.get() - before).as("getUUIDString's default body asks the driver's getUUID")
                .isEqualTo(5);
    }

    @Test
    void aClosedConnectionStillRefusesThem() {
        Connect c = open();
        Domain d = c.domainLookupByName("vm");
        c.close();
        assertThatThrownBy(d::getName).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONN);
            assertThat(e.domain()).isEqualTo(ErrorDomain.DOMAIN);
            assertThat(e.getMessage()).isEqualTo("invalid connection pointer in virDomainGetName");
        });
    }

    @Test
    void aDriversErrorPassesAndItsBugBecomesAnInternalError() {
        Domain d = open().domainLookupByName("vm");
        VirtException own = new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "gone");
        failure.set(own);
        assertThatThrownBy(d::getName).isSameAs(own);
        failure.set(new IllegalStateException("a driver bug"));
        assertThatThrownBy(d::getUUIDString).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(e.domain()).isEqualTo(ErrorDomain.DOMAIN);
            assertThat(e.getMessage()).contains("a driver bug");
        });
    }

    @Test
    void aReadOnlyConnectionAnswersThem() {
        Domain d = hub.open("fields:///default", Set.of(ConnectFlag.RO), null).domainLookupByName("vm");
        assertThat(d.getName()).isEqualTo("vm");
    }

    private static Method method(String name) {
        try {
            return Domain.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private Connect open() {
        return hub.open("fields:///default", Set.of(), null);
    }

    /** A driver whose one domain counts what it is asked and fails on demand. */
    private final class FieldsDriver implements HypervisorDriver {
        @Override
        public String name() {
            return "fields";
        }

        @Override
        public List<String> uriSchemes() {
            return List.of("fields");
        }

        @Override
        public Optional<Connect> open(ConnectRequest request) {
            Object[] conn = new Object[1];
            Object domain = Proxy.newProxyInstance(Domain.class.getClassLoader(), new Class<?>[] {Domain.class},
                    (self, m, args) -> {
                        driverCalls.incrementAndGet();
                        RuntimeException f = failure.get();
                        if (f != null) {
                            throw f;
                        }
                        return switch (m.getName()) {
                            case "getName" -> "vm";
                            case "getUUID" -> uuid;
                            case "getID" -> 7;
                            case "getConnect" -> conn[0];
                            case "getUUIDString" -> java.lang.reflect.InvocationHandler.invokeDefault(self, m, args);
                            case "hashCode" -> 1;
                            case "equals" -> self == args[0];
                            default -> throw VirtException.noSupport();
                        };
                    });
            conn[0] = Proxy.newProxyInstance(Connect.class.getClassLoader(), new Class<?>[] {Connect.class},
                    (self, m, args) -> switch (m.getName()) {
                        case "getURI" -> request.uri().toString();
                        case "getType" -> "FIELDS";
                        case "domainLookupByName" -> domain;
                        case "close", "hashCode", "equals" -> m.getName().equals("hashCode") ? 2
                                : m.getName().equals("equals") ? self == args[0] : null;
                        default -> throw VirtException.noSupport();
                    });
            return Optional.of((Connect) conn[0]);
        }
    }
}
