package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.management.openmbean.CompositeData;

import org.junit.jupiter.api.Test;
import org.jvirt.api.Domain;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.StoppedDetail;

class DomainEventTypesTest {

    @Test
    void everyEventIdHasVirshsName() {
        // virsh event --list (9.0), one name per line in libvirt's order of ids
        List<String> virsh = List.of("lifecycle", "reboot", "rtc-change", "watchdog", "io-error", "graphics",
                "io-error-reason", "control-error", "block-job", "disk-change", "tray-change", "pm-wakeup",
                "pm-suspend", "balloon-change", "pm-suspend-disk", "device-removed", "block-job-2", "tunable",
                "agent-lifecycle", "device-added", "migration-iteration", "job-completed", "device-removal-failed",
                "metadata-change", "block-threshold", "memory-failure", "memory-device-size-change");
        assertThat(Stream.of(DomainEventId.values()).map(DomainEventTypes::virshName)).containsExactlyElementsOf(virsh);
    }

    /**
     * Every event record the API delivers has a row: when the API gains one (block job, tunable, ...), this names it
     * until its line is added to the table.
     */
    @Test
    void everyDomainEventRecordOfTheApiHasARow() throws Exception {
        Set<String> records = new TreeSet<>();
        for (Class<?> c : classesBeside(DomainEvent.class)) {
            if (c.isRecord() && DomainEvent.class.isAssignableFrom(c)) {
                records.add(c.getSimpleName());
            }
        }
        Set<String> mapped = new TreeSet<>();
        for (EventType t : DomainEventTypes.all()) {
            mapped.add(t.recordClass().getSimpleName());
        }
        assertThat(records).as("the API's domain event records").isNotEmpty().isEqualTo(mapped);
    }

    /** The classes in the same package and jar (or folder) as {@code anchor}. */
    private static List<Class<?>> classesBeside(Class<?> anchor) throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        String folder = anchor.getPackageName().replace('.', '/');
        List<Class<?>> out = new ArrayList<>();
        if (Files.isDirectory(location)) {
            collect(location.resolve(folder), anchor, out);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                collect(jar.getPath(folder), anchor, out);
            }
        }
        return out;
    }

    private static void collect(Path dir, Class<?> anchor, List<Class<?>> out) throws IOException,
            ClassNotFoundException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String file = p.getFileName().toString();
                if (file.endsWith(".class") && !file.contains("$")) {
                    out.add(Class.forName(anchor.getPackageName() + "." + file.substring(0, file.length() - 6)));
                }
            }
        }
    }

    @Test
    void lifecycleReadsAsVirshPrintsIt() {
        EventType lifecycle = DomainEventTypes.of(DomainEventId.LIFECYCLE);
        DomainLifecycleEvent event = new DomainLifecycleEvent(domain("vm1"), LifecycleEventType.STOPPED,
                StoppedDetail.DESTROYED);

        CompositeData data = lifecycle.data("test:///default", "vm1", "uuid-text", event);

        assertThat(lifecycle.notificationType()).isEqualTo("jvirt.domain.lifecycle");
        assertThat(lifecycle.message("vm1", event)).isEqualTo("event 'lifecycle' for domain 'vm1': Stopped Destroyed");
        assertThat(data.get("event")).isEqualTo("Stopped");
        assertThat(data.get("detail")).isEqualTo("Destroyed");
        assertThat(data.get("eventNumber")).isEqualTo(5);
        assertThat(data.get("detailNumber")).isEqualTo(1);
        assertThat(data.get("connection")).isEqualTo("test:///default");
        assertThat(data.get("domain")).isEqualTo("vm1");
        assertThat(data.get("uuid")).isEqualTo("uuid-text");
    }

    @Test
    void aDetailThisVersionDoesNotKnowReadsUnknownAsInVirsh() {
        EventType lifecycle = DomainEventTypes.of(DomainEventId.LIFECYCLE);
        DomainLifecycleEvent event = new DomainLifecycleEvent(domain("vm1"), LifecycleEventType.STARTED, 99);

        assertThat(lifecycle.message("vm1", event)).isEqualTo("event 'lifecycle' for domain 'vm1': Started unknown");
        assertThat(lifecycle.data("u", "vm1", null, event).get("detailNumber")).isEqualTo(99);
    }

    @Test
    void everyEventIdHasARowInLibvirtsOrder() {
        assertThat(DomainEventTypes.all()).extracting(EventType::id).containsExactly(DomainEventId.values());
        assertThat(DomainEventTypes.of(DomainEventId.BLOCK_THRESHOLD).notificationType())
                .isEqualTo("jvirt.domain.block-threshold");
        assertThat(DomainEventTypes.of(DomainEventId.BLOCK_THRESHOLD).compositeType().keySet())
                .containsExactlyInAnyOrder("connection", "domain", "uuid", "dev", "path", "threshold", "excess");
    }

    static Domain domain(String name) {
        return (Domain) java.lang.reflect.Proxy.newProxyInstance(Domain.class.getClassLoader(),
                new Class<?>[] {Domain.class}, (p, m, a) -> switch (m.getName()) {
                    case "getName" -> name;
                    case "toString" -> name;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
