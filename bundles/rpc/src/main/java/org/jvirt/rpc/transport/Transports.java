package org.jvirt.rpc.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** Opening sockets as libvirt's transports do: unix sockets and TCP, with libvirt's error when that fails. */
public final class Transports {
    private Transports() {
    }

    /** Connects to a unix socket. */
    public static SocketChannel connectUnix(Path socket) {
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Failed to connect socket to '" + socket + "': " + e.getMessage(), e);
        }
    }

    /** Connects to a TCP port, with Nagle's delay off (each call is one small write). */
    public static SocketChannel connectTcp(String host, int port) {
        try {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port));
            ch.socket().setTcpNoDelay(true);
            return ch;
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "unable to connect to server at '" + host + ":" + port + "': " + e.getMessage(), e);
        }
    }

    /** Listens on a unix socket, replacing a stale socket file. */
    public static ServerSocketChannel listenUnix(Path socket) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(socket));
        return ch;
    }

    /** Listens on a TCP address. */
    public static ServerSocketChannel listenTcp(String host, int port) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        ch.bind(new InetSocketAddress(host, port));
        return ch;
    }
}
