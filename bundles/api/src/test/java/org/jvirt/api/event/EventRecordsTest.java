package org.jvirt.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jvirt.api.VirEnum;
import org.junit.jupiter.api.Test;

/** Every event id libvirt has is a record of its family, whose id() is that id. */
class EventRecordsTest {

    @Test
    void everyEventIdOfEveryFamilyHasOneRecord() throws Exception {
        List<Class<?>> records = eventRecords();
        assertThat(idsCovered(records, DomainEvent.class, DomainEventId.class)).containsOnlyKeys(DomainEventId.values());
        assertThat(idsCovered(records, NetworkEvent.class, NetworkEventId.class))
                .containsOnlyKeys(NetworkEventId.values());
        assertThat(idsCovered(records, StoragePoolEvent.class, StoragePoolEventId.class))
                .containsOnlyKeys(StoragePoolEventId.values());
        assertThat(idsCovered(records, NodeDeviceEvent.class, NodeDeviceEventId.class))
                .containsOnlyKeys(NodeDeviceEventId.values());
        assertThat(idsCovered(records, SecretEvent.class, SecretEventId.class)).containsOnlyKeys(SecretEventId.values());
    }

    /** Each id to the one record class of {@code family} whose id() returns it (made with null components). */
    private static <E extends Enum<E> & VirEnum> Map<E, Class<?>> idsCovered(List<Class<?>> records, Class<?> family,
            Class<E> idType) throws Exception {
        Map<E, Class<?>> out = new EnumMap<>(idType);
        for (Class<?> r : records) {
            if (!family.isAssignableFrom(r)) {
                continue;
            }
            RecordComponent[] cs = r.getRecordComponents();
            Class<?>[] types = new Class<?>[cs.length];
            Object[] values = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                values[i] = defaultOf(types[i]);
            }
            Object event = r.getDeclaredConstructor(types).newInstance(values);
            E id = idType.cast(r.getMethod("id").invoke(event));
            assertThat(out.put(id, r)).as(id + " has two records").isNull();
        }
        return out;
    }

    private static Object defaultOf(Class<?> t) {
        if (t == List.class) {
            return List.of();
        }
        if (t == java.util.Set.class) {
            return java.util.Set.of();
        }
        if (!t.isPrimitive()) {
            return null;
        }
        if (t == boolean.class) {
            return Boolean.FALSE;
        }
        if (t == long.class) {
            return Long.valueOf(0);
        }
        if (t == double.class) {
            return Double.valueOf(0);
        }
        return Integer.valueOf(0);
    }

    private static List<Class<?>> eventRecords() throws URISyntaxException, java.io.IOException,
            ClassNotFoundException {
        Path root = Path.of(DomainEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("org/jvirt/api/event"))) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".class") && !n.contains("$")) {
                    Class<?> c = Class.forName("org.jvirt.api.event." + n.replace(".class", ""));
                    if (c.isRecord()) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }
}
