package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.MomentXml.CheckpointFormat;
import org.jvirt.conf.MomentXml.SnapshotFormat;
import org.jvirt.conf.snapshot.DomainCheckpointDef;
import org.jvirt.conf.snapshot.DomainSnapshotDef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's snapshot and checkpoint folders, each case run the way libvirt's own test runs it
 * (qemudomainsnapshotxml2xmltest, qemudomaincheckpointxml2xmltest): in->out cases as new moments timed by the
 * case's clock, out->out cases redefined, in->in cases untimed, and the harness's own settings (a running state,
 * a parent, vda's bitmap, a size). Every file of both folders is a case; a file the tables do not know fails.
 */
class MomentXml2XmlTest {
    private static final String U9D = "9d37b878-a7cc-9f9a-b78f-49b3abad25a8";
    private static final String UC7 = "c7a5fdbd-edaf-9455-926a-d65c16db1809";
    private static final int INTERNAL = 1;
    private static final int RUNNING = 2;
    private static final int PARENT = 4;
    private static final int VDA_BITMAP = 8;
    private static final int SIZE = 16;

    private record Case(String uuid, long time, int flags) {
    }

    /** qemudomainsnapshotxml2xmltest's in->out and in->in cases. */
    private static final Map<String, Case> SNAPSHOT_IN = Map.of(
            "empty", new Case(U9D, 1386166249L, 0),
            "noparent", new Case(U9D, 1272917631L, RUNNING),
            "external_vm", new Case(null, 1555419243L, 0),
            "disk_snapshot", new Case(null, 1555419243L, 0),
            "disk_driver_name_null", new Case(null, 1555419243L, 0),
            "disk-seclabel", new Case(U9D, 581484660L, 0),
            "qcow2-metadata-cache", new Case(U9D, 1386166249L, 0),
            "name_and_description", new Case(null, 0, 0),
            "description_only", new Case(null, 0, 0),
            "name_only", new Case(null, 0, 0));

    /** Its out->out (redefine) cases. */
    private static final Map<String, Case> SNAPSHOT_OUT = Map.of(
            "all_parameters", new Case(U9D, 0, INTERNAL),
            "disk_snapshot_redefine", new Case(UC7, 0, INTERNAL),
            "full_domain", new Case(UC7, 0, INTERNAL),
            "noparent_nodescription_noactive", new Case(null, 0, 0),
            "noparent_nodescription", new Case(null, 0, INTERNAL),
            "noparent", new Case(U9D, 0, 0),
            "metadata", new Case(UC7, 0, 0),
            "external_vm_redefine", new Case(UC7, 0, 0),
            "memory-snapshot-inactivedomain", new Case("14beef2c-8cae-4ea8-bf55-e48fe0cd4b73", 0, 0));

    /** qemudomaincheckpointxml2xmltest's in->out cases (out->out: "redefine"). */
    private static final Map<String, Case> CHECKPOINT_IN = Map.of(
            "empty", new Case(null, 1525889631L, VDA_BITMAP),
            "disk-default", new Case(null, 1525889631L, PARENT | VDA_BITMAP),
            "sample", new Case(null, 1525889631L, PARENT | VDA_BITMAP),
            "size", new Case(null, 1553648510L, PARENT | VDA_BITMAP | SIZE));

    @TestFactory
    Stream<DynamicTest> snapshot() {
        Path in = Corpus.folder("qemudomainsnapshotxml2xmlin");
        Path out = in.resolveSibling("qemudomainsnapshotxml2xmlout");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : Corpus.files(in, n -> n.endsWith(".xml"))) {
            String name = base(f);
            tests.add(Corpus.test("snapshot", name + ".xml", () -> snapshotIn(name, f, out)));
        }
        for (Path f : Corpus.files(out, n -> n.endsWith(".xml"))) {
            String name = base(f);
            if (!SNAPSHOT_IN.containsKey(name) || SNAPSHOT_OUT.containsKey(name)) {
                tests.add(Corpus.test("snapshot", "redefine " + name + ".xml", () -> snapshotOut(name, f)));
            }
        }
        return tests.stream();
    }

    private static void snapshotIn(String name, Path f, Path outDir) {
        String xml = Corpus.read(f);
        if (name.endsWith("-invalid")) {
            // libvirt's test validates these against the schema
            Corpus.folder("schemas");
            assertThatThrownBy(() -> MomentXml.parseSnapshot(xml, MomentOptions.create(() -> 0L).withValidation()))
                    .isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
            return;
        }
        Case c = SNAPSHOT_IN.get(name);
        assertThat(c).as("a case of libvirt's snapshot test").isNotNull();
        DomainSnapshotDef def = MomentXml.parseSnapshot(xml, MomentOptions.create(() -> c.time));
        if ((c.flags & RUNNING) != 0) {
            assertThat(def.state).isNull();
            def.state = "running";
        }
        Path expected = c.time == 0 ? f : outDir.resolve(name + ".xml");
        assertThat(MomentXml.formatSnapshot(def, c.uuid, EnumSet.of(SnapshotFormat.SECURE)))
                .isEqualTo(Corpus.read(expected));
    }

    private static void snapshotOut(String name, Path f) {
        Case c = SNAPSHOT_OUT.get(name);
        assertThat(c).as("a redefine case of libvirt's snapshot test").isNotNull();
        MomentOptions o = MomentOptions.existing();
        Set<SnapshotFormat> flags = EnumSet.of(SnapshotFormat.SECURE);
        if ((c.flags & INTERNAL) != 0) {
            o = o.withInternal();
            flags.add(SnapshotFormat.INTERNAL);
        }
        DomainSnapshotDef def = MomentXml.parseSnapshot(Corpus.read(f), o);
        if ("1".equals(def.active)) {
            flags.add(SnapshotFormat.CURRENT);
        }
        assertThat(MomentXml.formatSnapshot(def, c.uuid, flags)).isEqualTo(Corpus.read(f));
    }

    @TestFactory
    Stream<DynamicTest> checkpoint() {
        Path in = Corpus.folder("qemudomaincheckpointxml2xmlin");
        Path out = in.resolveSibling("qemudomaincheckpointxml2xmlout");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : Corpus.files(in, n -> n.endsWith(".xml"))) {
            String name = base(f);
            tests.add(Corpus.test("checkpoint", name + ".xml", () -> checkpointIn(name, f, out)));
        }
        for (Path f : Corpus.files(out, n -> n.endsWith(".xml"))) {
            String name = base(f);
            if (!CHECKPOINT_IN.containsKey(name)) {
                tests.add(Corpus.test("checkpoint", "redefine " + name + ".xml", () -> checkpointOut(name, f)));
            }
        }
        return tests.stream();
    }

    private static void checkpointIn(String name, Path f, Path outDir) {
        String xml = Corpus.read(f);
        if (name.endsWith("-invalid")) {
            assertThatThrownBy(() -> MomentXml.parseCheckpoint(xml, MomentOptions.create(() -> 0L)))
                    .isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
            return;
        }
        Case c = CHECKPOINT_IN.get(name);
        assertThat(c).as("a case of libvirt's checkpoint test").isNotNull();
        DomainCheckpointDef def = MomentXml.parseCheckpoint(xml, MomentOptions.create(() -> c.time));
        Set<CheckpointFormat> flags = EnumSet.of(CheckpointFormat.SECURE);
        if ((c.flags & PARENT) != 0) {
            assertThat(def.parent).isNull();
            def.parent = new DomainCheckpointDef.Parent();
            def.parent.name = "1525111885";
        }
        if ((c.flags & VDA_BITMAP) != 0) {
            // the harness appends an empty disk, then gives the first one vda's bitmap
            if (def.disks == null) {
                def.disks = new DomainCheckpointDef.Disks();
            }
            def.disks.disks.add(new DomainCheckpointDef.Disks.Disk());
            DomainCheckpointDef.Disks.Disk d = def.disks.disks.get(0);
            assertThat(d.bitmap).isNull();
            if (d.name == null) {
                d.checkpoint = "bitmap";
                d.name = "vda";
            } else {
                assertThat(d.name).isEqualTo("vda");
            }
            d.bitmap = def.name;
        }
        if ((c.flags & SIZE) != 0) {
            def.disks.disks.get(0).size = "1048576";
            flags.add(CheckpointFormat.SIZE);
        }
        assertThat(MomentXml.formatCheckpoint(def, flags)).isEqualTo(Corpus.read(outDir.resolve(name + ".xml")));
    }

    private static void checkpointOut(String name, Path f) {
        String xml = Corpus.read(f);
        if (name.endsWith("-invalid")) {
            assertThatThrownBy(() -> MomentXml.parseCheckpoint(xml, MomentOptions.existing()))
                    .isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA));
            return;
        }
        assertThat(name).as("libvirt's checkpoint redefine case").isEqualTo("redefine");
        DomainCheckpointDef def = MomentXml.parseCheckpoint(xml, MomentOptions.existing());
        assertThat(MomentXml.formatCheckpoint(def, EnumSet.of(CheckpointFormat.SECURE))).isEqualTo(xml);
    }

    private static String base(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - ".xml".length());
    }
}
