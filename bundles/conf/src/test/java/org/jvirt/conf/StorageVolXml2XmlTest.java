package org.jvirt.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's volume folder, run as libvirt's storagevolxml2xmltest runs it: each volume read for the pool its test
 * names (from the pool folder), formatted and compared with libvirt's output. The inputs only libvirt's command
 * line test reads (storagevolxml2argvtest) have no output: they must parse for a directory pool, format to a
 * document that validates against storagevol.rng, and read back to the same form.
 */
class StorageVolXml2XmlTest {
    /** The pool of each case of libvirt's test; the others are a directory pool's. */
    private static final Map<String, String> POOLS = Map.of("vol-partition", "pool-disk", "vol-logical",
            "pool-logical", "vol-logical-backing", "pool-logical", "vol-gluster-dir", "pool-gluster",
            "vol-gluster-dir-neg-uid", "pool-gluster");
    /** The cases libvirt's test reads with VIR_VOL_XML_PARSE_NO_CAPACITY. */
    private static final Set<String> NO_CAPACITY = Set.of("vol-qcow2-nocapacity");

    @TestFactory
    Stream<DynamicTest> storageVol() {
        Path in = Corpus.folder("storagevolxml2xmlin");
        Path out = in.resolveSibling("storagevolxml2xmlout");
        Path pools = in.resolveSibling("storagepoolxml2xmlin");
        return Corpus.files(in, n -> n.endsWith(".xml")).stream().map(f -> Corpus.test("storagevol",
                f.getFileName().toString(), () -> check(f, out.resolve(f.getFileName()), pools)));
    }

    private static void check(Path in, Path out, Path pools) {
        String name = in.getFileName().toString().replace(".xml", "");
        StoragePoolDef pool = StorageXml.parsePool(Corpus.read(pools.resolve(POOLS.getOrDefault(name, "pool-dir")
                + ".xml")));
        String xml = Corpus.read(in);
        if (Files.exists(out)) {
            StorageVolDef vol = StorageXml.parseVolume(pool, xml, NO_CAPACITY.contains(name));
            assertThat(StorageXml.formatVolume(pool, vol)).isEqualTo(Corpus.read(out));
            return;
        }
        // the command line test lets a volume with a backing store leave its capacity out
        boolean backing = xml.contains("<backingStore>");
        String actual = StorageXml.formatVolume(pool, StorageXml.parseVolume(pool, xml, backing));
        assertThat(XmlSchemas.errors(actual, Corpus.folder("schemas").resolve("storagevol.rng")))
                .as("jvirt's form of %s against storagevol.rng", in.getFileName()).isEmpty();
        assertThat(StorageXml.formatVolume(pool, StorageXml.parseVolume(pool, actual, backing)))
                .as("jvirt's form reads back to itself").isEqualTo(actual);
    }
}
