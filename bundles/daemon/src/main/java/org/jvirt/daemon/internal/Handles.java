package org.jvirt.daemon.internal;

import java.util.UUID;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkPort;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullDomain;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNetwork;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullNetworkPort;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullStoragePool;
import org.jvirt.rpc.remote.RemoteProtocol.NonnullStorageVol;

/**
 * The API objects a wire handle names. libvirt's drivers find an object by the UUID of the handle and, when it is
 * gone, say so naming both ("no domain with matching uuid 'U' (name)"); the API's lookups name the UUID alone, so
 * the handle's name is added here.
 */
final class Handles {
    private Handles() {
    }

    static Domain domain(Connect conn, NonnullDomain d) {
        UUID uuid = Wire.uuid(d.uuid());
        try {
            return conn.domainLookupByUUID(uuid);
        } catch (VirtException e) {
            throw missing(e, ErrorCode.NO_DOMAIN, "no domain with matching uuid '" + uuid + "' (" + d.name() + ")");
        }
    }

    static Network network(Connect conn, NonnullNetwork n) {
        UUID uuid = Wire.uuid(n.uuid());
        try {
            return conn.networkLookupByUUID(uuid);
        } catch (VirtException e) {
            throw missing(e, ErrorCode.NO_NETWORK, "no network with matching uuid '" + uuid + "' (" + n.name() + ")");
        }
    }

    static NetworkPort port(Connect conn, NonnullNetworkPort p) {
        return network(conn, p.net()).portLookupByUUID(Wire.uuid(p.uuid()));
    }

    static StoragePool pool(Connect conn, NonnullStoragePool p) {
        UUID uuid = Wire.uuid(p.uuid());
        try {
            return conn.storagePoolLookupByUUID(uuid);
        } catch (VirtException e) {
            throw missing(e, ErrorCode.NO_STORAGE_POOL,
                    "no storage pool with matching uuid '" + uuid + "' (" + p.name() + ")");
        }
    }

    static StorageVol vol(Connect conn, NonnullStorageVol v) {
        StoragePool pool;
        try {
            pool = conn.storagePoolLookupByName(v.pool());
        } catch (VirtException e) {
            throw missing(e, ErrorCode.NO_STORAGE_VOL, "no storage vol with matching name '" + v.name() + "'");
        }
        return pool.storageVolLookupByName(v.name());
    }

    private static VirtException missing(VirtException e, ErrorCode notFound, String detail) {
        return e.code() == notFound ? new VirtException(notFound, e.domain(), detail) : e;
    }
}
