package org.jvirt.rpc.transport;

import org.jvirt.rpc.KeepaliveProtocol;
import org.jvirt.rpc.Limits;

/**
 * A server's limits, with libvirtd's defaults: max_clients 5000, max_workers 20, prio_workers 5,
 * max_client_requests 5, keepalive 5 s / 5, and libvirt's largest message.
 */
public record ServerConfig(int maxClients, int workers, int priorityWorkers, int maxClientRequests,
        int maxMessage, int keepaliveInterval, int keepaliveCount) {

    public static ServerConfig defaults() {
        return new ServerConfig(5000, 20, 5, 5, Limits.MESSAGE_MAX, KeepaliveProtocol.DEFAULT_INTERVAL_SECONDS,
                KeepaliveProtocol.DEFAULT_COUNT);
    }

    public ServerConfig withMaxClients(int n) {
        return new ServerConfig(n, workers, priorityWorkers, maxClientRequests, maxMessage, keepaliveInterval,
                keepaliveCount);
    }

    public ServerConfig withMaxMessage(int n) {
        return new ServerConfig(maxClients, workers, priorityWorkers, maxClientRequests, n, keepaliveInterval,
                keepaliveCount);
    }

    public ServerConfig withKeepalive(int interval, int count) {
        return new ServerConfig(maxClients, workers, priorityWorkers, maxClientRequests, maxMessage, interval,
                count);
    }
}
