package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.jvirt.conf.domain.Devices;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.domain.StorageSource;
import org.jvirt.conf.snapshot.DomainBackupDef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's backup folder, each case run as libvirt's genericxml2xmltest runs it: parsed (the "-internal-" case in
 * the driver's status form), its disks aligned with a domain that has a qcow2 image /fake/NAME.qcow2 for each disk
 * the backup names and one more, "vdextradisk", with the suffix "SUFFIX", then formatted.
 */
class BackupXml2XmlTest {
    @TestFactory
    Stream<DynamicTest> backup() {
        Path in = Corpus.folder("domainbackupxml2xmlin");
        Path out = in.resolveSibling("domainbackupxml2xmlout");
        return Corpus.files(in, n -> n.endsWith(".xml")).stream().map(f -> Corpus.test("backup",
                f.getFileName().toString(), () -> check(f, out.resolve(f.getFileName()))));
    }

    private static void check(Path in, Path out) {
        boolean internal = in.getFileName().toString().contains("-internal-");
        DomainBackupDef def = BackupXml.parse(Corpus.read(in), internal);
        DomainDef dom = new DomainDef();
        dom.devices = new Devices();
        if (def.disks != null) {
            def.disks.disks.forEach(d -> dom.devices.disks.add(fakeDisk(d.name)));
        }
        dom.devices.disks.add(fakeDisk("vdextradisk"));
        BackupXml.alignDisks(def, dom, "SUFFIX");
        assertThat(BackupXml.format(def, internal)).isEqualTo(Corpus.read(out));
    }

    private static DiskDef fakeDisk(String dst) {
        DiskDef d = new DiskDef();
        d.type = "file";
        d.target = new DiskDef.Target();
        d.target.dev = dst;
        d.source = new StorageSource();
        d.source.file = "/fake/" + dst + ".qcow2";
        return d;
    }
}
