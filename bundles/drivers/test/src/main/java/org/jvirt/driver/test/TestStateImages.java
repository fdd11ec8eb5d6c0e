package org.jvirt.driver.test;

import java.nio.file.Path;

import org.jvirt.api.RunningReason;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.conf.domain.DomainDef;

/** Restoring a save image into a test state (testDomainRestoreFlags): the domain starts again, restored. */
final class TestStateImages {
    private TestStateImages() {
    }

    static Void restore(TestConnect conn, Path from) {
        DomainDef def = SaveImage.read(from);
        TestState.generateIfnames(def);
        TestDomainObj o = conn.state.add(def, true, null);
        conn.state.startState(o, RunningReason.RESTORED.value());
        conn.state.emit(o, LifecycleEventType.STARTED, StartedDetail.RESTORED.value());
        return null;
    }
}
