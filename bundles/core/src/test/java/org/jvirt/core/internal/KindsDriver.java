package org.jvirt.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockJobInfo;
import org.jvirt.api.DomainBlockJobInfoFlag;
import org.jvirt.api.DomainBlockJobType;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainMigrateFlag;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainSnapshotListFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.DomainStatsType;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.GetAllDomainStatsFlag;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.ListStoragePoolsFlag;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolDownloadFlag;
import org.jvirt.api.StorageVolUploadFlag;
import org.jvirt.api.Stream;
import org.jvirt.api.StreamEventType;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.AttachableStream;
import org.jvirt.api.driver.ConnectRequest;
import org.jvirt.api.driver.HypervisorDriver;
import org.jvirt.api.driver.StreamChannel;
import org.jvirt.api.driver.StreamWatcher;
import org.jvirt.api.event.DomainBlockThresholdEvent;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.api.qemu.QemuMonitorEvent;

/**
 * A driver with one of most kinds of object, for testing what the platform does around them: domains "a" and "b"
 * with a snapshot each, a storage pool with one volume whose content streams in and out, statistics records,
 * optional block job information, and events of several kinds. It serves storage itself but not networks, so a
 * shared network driver serves those. Every call makes new objects, as drivers that look their objects up do.
 */
final class KindsDriver implements HypervisorDriver {
    final List<Conn> opened = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "kinds";
    }

    @Override
    public List<String> uriSchemes() {
        return List.of("kinds");
    }

    @Override
    public Optional<Connect> open(ConnectRequest request) {
        Conn c = new Conn(request);
        opened.add(c);
        return Optional.of(c);
    }

    static UUID uuidOf(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    final class Conn implements Connect {
        final ConnectRequest request;
        volatile boolean closed;
        /** What the volume holds: upload replaces it; download reads it. */
        volatile byte[] volume = "hello".getBytes(StandardCharsets.UTF_8);
        volatile Connect lastDestination;

        Conn(ConnectRequest request) {
            this.request = request;
        }

        @Override
        public String getURI() {
            return request.uri().toString();
        }

        @Override
        public String getType() {
            return "KINDS";
        }

        @Override
        public List<Domain> listAllDomains(Set<ListDomainsFlag> flags) {
            return List.of(new Dom(this, "a"), new Dom(this, "b"));
        }

        @Override
        public Domain domainLookupByName(String name) {
            if (!name.equals("a") && !name.equals("b")) {
                throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.DOMAIN,
                        "no domain with matching name '" + name + "'");
            }
            return new Dom(this, name);
        }

        @Override
        public Domain domainLookupByUUID(UUID uuid) {
            return uuid.equals(uuidOf("a")) ? new Dom(this, "a") : new Dom(this, "b");
        }

        @Override
        public Domain domainLookupByID(int id) {
            return new Dom(this, id == 1 ? "a" : "b");
        }

        @Override
        public List<DomainStatsRecord> getAllDomainStats(Set<DomainStatsType> stats,
                Set<GetAllDomainStatsFlag> flags) {
            return List.of(new DomainStatsRecord(new Dom(this, "a"),
                    TypedParameters.builder().addInt("state.state", 1).build()));
        }

        @Override
        public List<StoragePool> listAllStoragePools(Set<ListStoragePoolsFlag> flags) {
            return List.of(new Pool(this));
        }

        @Override
        public StoragePool storagePoolLookupByName(String name) {
            return new Pool(this);
        }

        @Override
        public void close() {
            closed = true;
        }

        void emitQemu(String event) {
            request.events().event(new QemuMonitorEvent(new Dom(this, "a"), event, 1, 2, "{}"));
        }
    }

    final class Dom implements Domain {
        final Conn conn;
        final String name;

        Dom(Conn conn, String name) {
            this.conn = conn;
            this.name = name;
        }

        @Override
        public Connect getConnect() {
            return conn;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public UUID getUUID() {
            return uuidOf(name);
        }

        @Override
        public int getID() {
            return name.equals("a") ? 1 : 2;
        }

        @Override
        public DomainInfo getInfo() {
            return new DomainInfo(DomainState.RUNNING, 1024, 1024, 1, 0);
        }

        @Override
        public DomainStateInfo getState() {
            return new DomainStateInfo(DomainState.RUNNING, 1);
        }

        @Override
        public String getXMLDesc(Set<DomainXMLFlag> flags) {
            return "<domain><name>" + name + "</name></domain>";
        }

        @Override
        public void create(Set<DomainCreateFlag> flags) {
            conn.request.events().event(new DomainLifecycleEvent(new Dom(conn, name), LifecycleEventType.STARTED,
                    StartedDetail.BOOTED));
            conn.request.events().event(new DomainBlockThresholdEvent(new Dom(conn, name), "vda", "/img", 10, 2));
        }

        @Override
        public List<DomainSnapshot> listAllSnapshots(Set<DomainSnapshotListFlag> flags) {
            return List.of(new Snap(conn, name, "s1"));
        }

        @Override
        public DomainSnapshot snapshotLookupByName(String snap) {
            return new Snap(conn, name, snap);
        }

        @Override
        public Optional<DomainBlockJobInfo> getBlockJobInfo(String disk, Set<DomainBlockJobInfoFlag> flags) {
            return disk.equals("vda") ? Optional.of(new DomainBlockJobInfo(DomainBlockJobType.COPY, 0, 1, 2))
                    : Optional.empty();
        }

        @Override
        public Domain migrate(Connect dconn, Set<DomainMigrateFlag> flags, String dname, String uri,
                long bandwidth) {
            conn.lastDestination = dconn;
            return dconn.domainLookupByName(name);
        }

        @Override
        public String toString() {
            return "Dom[" + name + "]";
        }
    }

    final class Snap implements DomainSnapshot {
        final Conn conn;
        final String domain;
        final String name;

        Snap(Conn conn, String domain, String name) {
            this.conn = conn;
            this.domain = domain;
            this.name = name;
        }

        @Override
        public Connect getConnect() {
            return conn;
        }

        @Override
        public Domain getDomain() {
            return new Dom(conn, domain);
        }

        @Override
        public String getName() {
            return name;
        }
    }

    final class Pool implements StoragePool {
        final Conn conn;

        Pool(Conn conn) {
            this.conn = conn;
        }

        @Override
        public Connect getConnect() {
            return conn;
        }

        @Override
        public String getName() {
            return "pool";
        }

        @Override
        public UUID getUUID() {
            return uuidOf("pool");
        }

        @Override
        public List<StorageVol> listAllVolumes() {
            return List.of(new Vol(conn));
        }
    }

    final class Vol implements StorageVol {
        final Conn conn;

        Vol(Conn conn) {
            this.conn = conn;
        }

        @Override
        public Connect getConnect() {
            return conn;
        }

        @Override
        public String getName() {
            return "vol";
        }

        @Override
        public String getKey() {
            return "/pool/vol";
        }

        @Override
        public StoragePool storagePoolLookupByVolume() {
            return new Pool(conn);
        }

        @Override
        public void upload(Stream stream, long offset, long length, Set<StorageVolUploadFlag> flags) {
            ByteArrayOutputStream into = new ByteArrayOutputStream();
            AttachableStream.of(stream).attach(new StreamChannel() {
                @Override
                public int send(byte[] data, int off, int len) {
                    into.write(data, off, len);
                    return len;
                }

                @Override
                public int recv(byte[] buf, int off, int len, boolean stopAtHole) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS, "an upload stream");
                }

                @Override
                public void sendHole(long holeLength) {
                    into.writeBytes(new byte[(int) holeLength]);
                }

                @Override
                public void finish() {
                    conn.volume = into.toByteArray();
                }

                @Override
                public void abort() {
                }
            });
        }

        @Override
        public void download(Stream stream, long offset, long length, Set<StorageVolDownloadFlag> flags) {
            byte[] data = conn.volume;
            boolean sparse = flags.contains(StorageVolDownloadFlag.SPARSE_STREAM);
            AttachableStream.of(stream).attach(new StreamChannel() {
                // a sparse download yields the data, then a hole of 4 bytes, then the end
                int pos;
                boolean holeDone = !sparse;

                @Override
                public int send(byte[] d, int off, int len) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STREAMS, "a download stream");
                }

                @Override
                public int recv(byte[] buf, int off, int len, boolean stopAtHole) {
                    if (pos < data.length) {
                        int n = Math.min(len, data.length - pos);
                        System.arraycopy(data, pos, buf, off, n);
                        pos += n;
                        return n;
                    }
                    if (!holeDone && stopAtHole) {
                        return Stream.AT_HOLE;
                    }
                    return 0;
                }

                @Override
                public long recvHole() {
                    holeDone = true;
                    return 4;
                }

                @Override
                public void finish() {
                }

                @Override
                public void abort() {
                }

                @Override
                public void watch(StreamWatcher watcher) {
                    watcher.ready(Set.of(StreamEventType.READABLE, StreamEventType.WRITABLE));
                }
            });
        }
    }

    /** The names of objects a list holds, for assertions. */
    static List<String> names(List<? extends Domain> domains) {
        List<String> out = new ArrayList<>();
        domains.forEach(d -> out.add(d.getName()));
        return out;
    }
}
