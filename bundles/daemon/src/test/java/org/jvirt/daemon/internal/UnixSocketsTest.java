package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon's socket name is taken over only from a dead daemon, never from a live one. */
class UnixSocketsTest {
    @TempDir
    Path dir;

    @Test
    void aLiveDaemonsSocketIsLeftToIt() throws IOException {
        Path socket = dir.resolve("jvirt-sock");
        try (ServerSocketChannel first = UnixSockets.listen(socket, "0700", "")) {
            assertThatThrownBy(() -> UnixSockets.listen(socket, "0700", "")).isInstanceOf(IOException.class)
                    .hasMessage("another daemon is listening on " + socket);
            // the first daemon still answers on its name
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                    SocketChannel accepted = first.accept()) {
                assertThat(accepted).isNotNull();
                assertThat(client.isConnected()).isTrue();
            }
        }
    }

    @Test
    void aStaleSocketOfAnEarlierRunIsReplaced() throws IOException {
        Path socket = dir.resolve("jvirt-sock");
        UnixSockets.listen(socket, "0700", "").close();
        assertThat(Files.exists(socket)).as("closing leaves the socket file, as a killed daemon does").isTrue();
        try (ServerSocketChannel second = UnixSockets.listen(socket, "0700", "")) {
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                assertThat(client.isConnected()).isTrue();
            }
        }
    }
}
