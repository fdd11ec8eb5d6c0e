package org.jvirt.rpc.transport;

import org.jvirt.rpc.KeepaliveProtocol;
import org.jvirt.rpc.Limits;

/**
 * A server's limits, with libvirtd's defaults: max_clients 5000, max_workers 20, prio_workers 5,
 * max_client_requests 5, keepalive 5 s / 5, and libvirt's largest message.
 *
 * @param inlinePriority run high-priority calls without a stream on the client's reader thread, saving the hand-over
 *                       to a worker (they never block long: lookups, getters); others go to the workers
 * @param busyPollMicros how long a client's reader looks for the client's next call before it sleeps, when the
 *                       client's calls come quickly one after the other (0: it sleeps at once, as a blocking read)
 */
public record ServerConfig(int maxClients, int workers, int priorityWorkers, int maxClientRequests,
        int maxMessage, int keepaliveInterval, int keepaliveCount, boolean inlinePriority, int busyPollMicros) {

    public static ServerConfig defaults() {
        return new ServerConfig(5000, 20, 5, 5, Limits.MESSAGE_MAX, KeepaliveProtocol.DEFAULT_INTERVAL_SECONDS,
                KeepaliveProtocol.DEFAULT_COUNT, true, 0);
    }

    public ServerConfig withMaxClients(int n) {
        return new ServerConfig(n, workers, priorityWorkers, maxClientRequests, maxMessage, keepaliveInterval,
                keepaliveCount, inlinePriority, busyPollMicros);
    }

    public ServerConfig withWorkers(int n, int priority) {
        return new ServerConfig(maxClients, n, priority, maxClientRequests, maxMessage, keepaliveInterval,
                keepaliveCount, inlinePriority, busyPollMicros);
    }

    public ServerConfig withMaxClientRequests(int n) {
        return new ServerConfig(maxClients, workers, priorityWorkers, n, maxMessage, keepaliveInterval,
                keepaliveCount, inlinePriority, busyPollMicros);
    }

    public ServerConfig withMaxMessage(int n) {
        return new ServerConfig(maxClients, workers, priorityWorkers, maxClientRequests, n, keepaliveInterval,
                keepaliveCount, inlinePriority, busyPollMicros);
    }

    public ServerConfig withKeepalive(int interval, int count) {
        return new ServerConfig(maxClients, workers, priorityWorkers, maxClientRequests, maxMessage, interval,
                count, inlinePriority, busyPollMicros);
    }

    public ServerConfig withInlinePriority(boolean inline) {
        return new ServerConfig(maxClients, workers, priorityWorkers, maxClientRequests, maxMessage,
                keepaliveInterval, keepaliveCount, inline, busyPollMicros);
    }

    public ServerConfig withBusyPoll(int micros) {
        return new ServerConfig(maxClients, workers, priorityWorkers, maxClientRequests, maxMessage,
                keepaliveInterval, keepaliveCount, inlinePriority, micros);
    }
}
