package org.jvirt.driver.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP proxy on loopback in front of a real server, that misbehaves on demand: it goes silent (forwards nothing,
 * closes nothing), cuts the connection in the middle of the server's next reply, or sends garbage instead of it.
 * It records when the client's side of each connection has closed.
 */
final class FaultyProxy implements AutoCloseable {
    enum Fault {
        NONE, SILENT, CUT_MID_REPLY, GARBAGE
    }

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> clientGone = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile Fault fault = Fault.NONE;

    FaultyProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "faulty-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void fault(Fault f) {
        fault = f;
    }

    /** Counts down when the client closes its side of connection {@code n} (0 = the first accepted). */
    CountDownLatch clientClosed(int n) {
        return clientGone.get(n);
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(server);
                CountDownLatch gone = new CountDownLatch(1);
                clientGone.add(gone);
                pump(client, server, false, gone);
                pump(server, client, true, null);
            }
        } catch (IOException e) {
            // the listener closed
        }
    }

    private void pump(Socket from, Socket to, boolean serverToClient, CountDownLatch eof) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    Fault f = fault;
                    if (f == Fault.SILENT) {
                        continue; // swallow: the peer hears nothing, not even keepalive answers
                    }
                    if (serverToClient && f == Fault.CUT_MID_REPLY) {
                        out.write(buf, 0, Math.max(1, n / 2));
                        out.flush();
                        to.close();
                        from.close();
                        return;
                    }
                    if (serverToClient && f == Fault.GARBAGE) {
                        // a length word far beyond libvirt's limit, then noise
                        out.write(new byte[] {0x7f, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5, 6, 7, 8});
                        out.flush();
                        continue;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side went away
            } finally {
                if (eof != null) {
                    eof.countDown();
                }
            }
        }, "faulty-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
