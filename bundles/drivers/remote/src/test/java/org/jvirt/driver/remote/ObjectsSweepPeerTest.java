package org.jvirt.driver.remote;

import org.jvirt.rpc.peer.LibvirtdPeer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockInfo;
import org.jvirt.api.DomainMetadataType;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.DomainStatsType;
import org.jvirt.api.Interface;
import org.jvirt.api.Network;
import org.jvirt.api.NodeDevice;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sweep over the kinds of object, each value (or error: code and message) printed line by line by python-libvirt
 * and by jvirt's remote driver from the same libvirtd, and the two texts compared whole.
 */
class ObjectsSweepPeerTest {
    private static LibvirtdPeer peer;
    private static ConnectFactory factory;

    private static final String PY_HELPERS = """
            def t(f):
                try:
                    r = f()
                    return r
                except libvirt.libvirtError as e:
                    return 'ERR %d %d %s' % (e.get_error_code(), e.get_error_domain(), e.get_error_message())
            def p(*xs):
                print(' '.join(str(x) for x in xs))
            def b(v):
                return 1 if v else 0
            """;

    @BeforeAll
    static void start() throws Exception {
        peer = LibvirtdPeer.start();
        factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    /** The value as python's str() prints it, or the error as the helper prints it. */
    private static String t(Supplier<Object> f) {
        try {
            Object v = f.get();
            return v == null ? "None" : v instanceof Boolean bo ? (bo ? "1" : "0") : String.valueOf(v);
        } catch (VirtException e) {
            return "ERR " + e.code().value() + " " + e.domain().value() + " " + e.getMessage();
        }
    }

    private static String line(Object... xs) {
        return java.util.Arrays.stream(xs).map(String::valueOf).collect(Collectors.joining(" ")) + "\n";
    }

    @Test
    void networksPoolsVolumesInterfacesAndDevices() throws Exception {
        String py = PythonLibvirt.run(peer.tcpUri(), PY_HELPERS + """
                n = conn.networkLookupByName('default')
                p(n.name(), n.UUIDString(), b(n.isActive()), b(n.isPersistent()), b(n.autostart()), t(n.bridgeName))
                sys.stdout.write(n.XMLDesc(0))
                p(t(lambda: conn.networkLookupByName('nosuch')))
                pool = conn.storagePoolLookupByName('default-pool')
                sys.stdout.write(pool.XMLDesc(0))
                p(' '.join(sorted(pool.listVolumes())), pool.numOfVolumes(), b(pool.autostart()), b(pool.isPersistent()))
                for v in sorted(pool.listAllVolumes(0), key=lambda v: v.name()):
                    p(v.name(), v.key(), v.path(), v.info())
                    sys.stdout.write(v.XMLDesc(0))
                p(t(lambda: pool.storageVolLookupByName('nosuch')))
                i = conn.interfaceLookupByName('eth1')
                p(i.name(), i.MACString(), b(i.isActive()))
                sys.stdout.write(i.XMLDesc(0))
                for name in sorted(conn.listDevices(None, 0)):
                    d = conn.nodeDeviceLookupByName(name)
                    p(name, t(d.parent), ' '.join(d.listCaps()))
                    sys.stdout.write(d.XMLDesc(0))
                p(conn.numOfNetworks(), conn.numOfDefinedNetworks(), conn.numOfStoragePools(), conn.numOfInterfaces())
                p(' '.join(sorted(conn.listNetworks())), ' '.join(sorted(conn.listStoragePools())))
                p(' '.join(sorted(conn.listInterfaces())))
                p(' '.join(str(x) for x in conn.getCellsFreeMemory(0, 2)))
                p(t(lambda: conn.listAllSecrets(0)))""");
        StringBuilder j = new StringBuilder();
        try (Connect c = factory.open(peer.tcpUri())) {
            Network n = c.networkLookupByName("default");
            j.append(line(n.getName(), n.getUUIDString(), t(n::isActive), t(n::isPersistent), t(n::getAutostart),
                    t(n::getBridgeName)));
            j.append(n.getXMLDesc(Set.of()));
            j.append(line(t(() -> c.networkLookupByName("nosuch"))));
            StoragePool pool = c.storagePoolLookupByName("default-pool");
            j.append(pool.getXMLDesc(Set.of()));
            j.append(line(pool.listVolumes().stream().sorted().collect(Collectors.joining(" ")), pool.numOfVolumes(),
                    t(pool::getAutostart), t(pool::isPersistent)));
            List<StorageVol> vols = new ArrayList<>(pool.listAllVolumes());
            vols.sort(java.util.Comparator.comparing(StorageVol::getName));
            for (StorageVol v : vols) {
                StorageVolInfo i = v.getInfo();
                j.append(line(v.getName(), v.getKey(), v.getPath(),
                        "[" + i.type().value() + ", " + i.capacity() + ", " + i.allocation() + "]"));
                j.append(v.getXMLDesc());
            }
            j.append(line(t(() -> pool.storageVolLookupByName("nosuch"))));
            Interface i = c.interfaceLookupByName("eth1");
            j.append(line(i.getName(), i.getMACString(), t(i::isActive)));
            j.append(i.getXMLDesc(Set.of()));
            for (String name : c.nodeListDevices(null).stream().sorted().toList()) {
                NodeDevice d = c.nodeDeviceLookupByName(name);
                j.append(line(name, t(d::getParent), String.join(" ", d.listCaps())));
                j.append(d.getXMLDesc());
            }
            j.append(line(c.numOfNetworks(), c.numOfDefinedNetworks(), c.numOfStoragePools(), c.numOfInterfaces()));
            j.append(line(c.listNetworks().stream().sorted().collect(Collectors.joining(" ")),
                    c.listStoragePools().stream().sorted().collect(Collectors.joining(" "))));
            j.append(line(c.listInterfaces().stream().sorted().collect(Collectors.joining(" "))));
            j.append(line(java.util.Arrays.stream(c.nodeGetCellsFreeMemory(0, 2)).mapToObj(Long::toString)
                    .collect(Collectors.joining(" "))));
            j.append(line(t(() -> c.listAllSecrets(Set.of()))));
        }
        assertThat(j.toString()).isEqualTo(py);
    }

    @Test
    void domainDetails() throws Exception {
        String py = PythonLibvirt.run(peer.tcpUri(), PY_HELPERS + """
                d = conn.lookupByName('test')
                info, maps = d.vcpus()
                for v in info:
                    p(v[0], v[1], v[3])
                for m in maps:
                    p(''.join('y' if x else '-' for x in m))
                for m in d.vcpuPinInfo(0):
                    p(''.join('y' if x else '-' for x in m))
                p(d.blockInfo('vda'))
                p(t(lambda: d.blockInfo('nosuch')))
                p(d.vcpusFlags(0), d.vcpusFlags(libvirt.VIR_DOMAIN_VCPU_MAXIMUM))
                p(t(lambda: d.metadata(libvirt.VIR_DOMAIN_METADATA_TITLE, None, 0)))
                d.setMetadata(libvirt.VIR_DOMAIN_METADATA_TITLE, 'a title', None, None, 0)
                p(d.metadata(libvirt.VIR_DOMAIN_METADATA_TITLE, None, 0))
                d.setMetadata(libvirt.VIR_DOMAIN_METADATA_TITLE, None, None, None, 0)
                for dom, stats in conn.getAllDomainStats(libvirt.VIR_DOMAIN_STATS_STATE):
                    p(dom.name(), sorted(stats.items()))
                p(t(lambda: d.hasCurrentSnapshot()), t(lambda: d.snapshotNum()))
                p(*d.memoryStats().values())
                p(t(lambda: d.interfaceStats('nosuch')))""");
        StringBuilder j = new StringBuilder();
        try (Connect c = factory.open(peer.tcpUri())) {
            Domain d = c.domainLookupByName("test");
            // as libvirt-python and virsh size CPU maps: by the host's CPU map
            int hostCpus = c.nodeGetCPUMap().cpus();
            List<VcpuInfo> vcpus = d.getVcpus();
            for (VcpuInfo v : vcpus) {
                j.append(line(v.number(), v.state().value(), v.cpu()));
            }
            for (VcpuInfo v : vcpus) {
                j.append(line(map(v.cpumap(), hostCpus)));
            }
            for (BitSet m : d.getVcpuPinInfo(Set.of())) {
                j.append(line(map(m, hostCpus)));
            }
            DomainBlockInfo bi = d.getBlockInfo("vda");
            j.append(line("[" + bi.capacity() + ", " + bi.allocation() + ", " + bi.physical() + "]"));
            j.append(line(t(() -> d.getBlockInfo("nosuch"))));
            j.append(line(d.getVcpusFlags(Set.of()),
                    d.getVcpusFlags(EnumSet.of(org.jvirt.api.DomainVcpuFlag.MAXIMUM))));
            j.append(line(t(() -> d.getMetadata(DomainMetadataType.TITLE, null, Set.of()))));
            d.setMetadata(DomainMetadataType.TITLE, "a title", null, null, Set.of());
            j.append(line(d.getMetadata(DomainMetadataType.TITLE, null, Set.of())));
            d.setMetadata(DomainMetadataType.TITLE, null, null, null, Set.of());
            for (DomainStatsRecord r : c.getAllDomainStats(EnumSet.of(DomainStatsType.STATE), Set.of())) {
                j.append(line(r.domain().getName(), "[" + r.params().asList().stream()
                        .sorted(java.util.Comparator.comparing(org.jvirt.api.TypedParameter::field))
                        .map(x -> "('" + x.field() + "', " + x.valueText() + ")").collect(Collectors.joining(", "))
                        + "]"));
            }
            j.append(line(t(() -> d.hasCurrentSnapshot()), t(() -> d.snapshotNum(Set.of()))));
            j.append(line(d.memoryStats().stream().map(x -> Long.toString(x.value())).toArray()));
            j.append(line(t(() -> d.interfaceStats("nosuch"))));
        }
        assertThat(j.toString()).isEqualTo(py);
    }

    private static String map(BitSet m, int cpus) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            b.append(m.get(i) ? 'y' : '-');
        }
        return b.toString();
    }
}
