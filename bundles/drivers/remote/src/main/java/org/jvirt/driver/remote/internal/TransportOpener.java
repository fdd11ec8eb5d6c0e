package org.jvirt.driver.remote.internal;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.transport.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the byte channel a remote URI asks for: a unix socket, TCP, TLS (x509 files laid out as libvirt's), the
 * system {@code ssh} running a bridge to the daemon's socket on the far side, or any command (ext).
 */
final class TransportOpener {
    private static final Logger LOG = LoggerFactory.getLogger(TransportOpener.class);

    private TransportOpener() {
    }

    /** The channel, connected; what it is for logs in {@code what}. */
    static ByteChannel open(RemoteUri uri, boolean readOnly) {
        return switch (uri.transport()) {
            case UNIX -> {
                yield Transports.connectUnix(Path.of(uri.socketPath(readOnly)));
            }
            case TCP -> Transports.connectTcp(uri.hostOrLocal(), uri.portOrDefault());
            case TLS -> TlsChannels.connect(uri);
            case SSH -> process(sshCommand(uri, readOnly), "ssh");
            case EXT -> {
                if (uri.command() == null) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                            "remote_open: for 'ext' transport, command is required");
                }
                // the command is one program, run without a shell (libvirt passes it as argv[0])
                yield process(List.of(uri.command()), "ext");
            }
            case LIBSSH, LIBSSH2 -> throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.REMOTE,
                    "this function is not supported by the connection driver: transport "
                            + uri.transport().name().toLowerCase(java.util.Locale.ROOT)
                            + " (use +ssh, which runs the system ssh client)");
        };
    }

    /**
     * The system ssh client's command line: the user, port, key file and known-hosts file of the URI, no escape
     * character, and on the far side a shell that bridges stdin/stdout to the daemon's socket (virt-ssh-helper when
     * present, else netcat), as libvirt's client asks for by proxy mode.
     */
    static List<String> sshCommand(RemoteUri uri, boolean readOnly) {
        List<String> cmd = new ArrayList<>();
        cmd.add(uri.command() != null ? uri.command() : "ssh");
        if (uri.port() > 0) {
            cmd.add("-p");
            cmd.add(Integer.toString(uri.port()));
        }
        if (uri.user() != null) {
            cmd.add("-l");
            cmd.add(uri.user());
        }
        if (uri.keyfile() != null) {
            cmd.add("-i");
            cmd.add(uri.keyfile());
        }
        // no terminal, no escape character: the channel carries binary packets
        cmd.addAll(List.of("-T", "-e", "none"));
        if (uri.noTty()) {
            // never prompt: credentials come from keys or the agent
            cmd.addAll(List.of("-o", "BatchMode=yes"));
        }
        if (uri.noVerify()) {
            cmd.addAll(List.of("-o", "StrictHostKeyChecking=no"));
        }
        cmd.add("--");
        cmd.add(uri.hostOrLocal());
        cmd.add(remoteBridge(uri, readOnly));
        return cmd;
    }

    /** The shell command run on the far side to reach the daemon. */
    static String remoteBridge(RemoteUri uri, boolean readOnly) {
        String nc = uri.netcat() != null ? uri.netcat() : "nc";
        String socket = uri.proxy() == RemoteUri.Proxy.NATIVE ? null : uri.socketPath(readOnly);
        String netcat = "if " + quote(nc) + " -q 2>&1 | grep \"requires an argument\" >/dev/null 2>&1; then ARG=-q0; "
                + "else ARG=; fi; exec " + quote(nc) + " $ARG -U " + (socket == null ? "" : quote(socket));
        String helperUri = uri.name();
        String native_ = "exec virt-ssh-helper" + (readOnly ? " -r " : " ") + quote(helperUri);
        String inner = switch (uri.proxy()) {
            case NETCAT -> netcat;
            case NATIVE -> native_;
            case AUTO -> "if which virt-ssh-helper >/dev/null 2>&1; then " + native_ + "; else " + netcat + "; fi";
        };
        return "sh -c " + quote(inner);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static ByteChannel process(List<String> command, String what) {
        LOG.debug("remote: running {}", command);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Cannot run " + what + " command '" + command.get(0) + "': " + e.getMessage(), e);
        }
        return new PipeChannel(p.getInputStream(), p.getOutputStream(), () -> stop(p));
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** TLS as libvirt's client does it: its CA, certificate and key files, and the server checked by name. */
    static final class TlsChannels {
        private TlsChannels() {
        }

        static ByteChannel connect(RemoteUri uri) {
            SSLContext ctx = X509Files.context(uri.pkipath(), uri.noVerify());
            // the priority string is read before anything is opened: a bad one leaves nothing behind
            List<String> protocols = TlsPriority.protocols(uri.tlsPriority(),
                    List.of(ctx.getDefaultSSLParameters().getProtocols()));
            String host = uri.hostOrLocal();
            int port = uri.portOrDefault();
            try {
                SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(host, port);
                s.setTcpNoDelay(true);
                SSLParameters params = s.getSSLParameters();
                params.setProtocols(protocols.toArray(String[]::new));
                if (!uri.noVerify()) {
                    // the certificate must name the host the URI names (libvirt's hostname check)
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                }
                s.setSSLParameters(params);
                try {
                    s.startHandshake();
                } catch (IOException e) {
                    s.close();
                    throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                            "authentication failed: TLS handshake failed " + e.getMessage(), e);
                }
                return new PipeChannel(s.getInputStream(), s.getOutputStream(), () -> {
                    try {
                        s.close();
                    } catch (IOException e) {
                        LOG.debug("closing TLS socket: {}", e.getMessage());
                    }
                });
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                        "unable to connect to server at '" + host + ":" + port + "': " + e.getMessage(), e);
            }
        }
    }
}
