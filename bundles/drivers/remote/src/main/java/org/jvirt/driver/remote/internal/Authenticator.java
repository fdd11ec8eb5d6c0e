package org.jvirt.driver.remote.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.transport.RpcClient;

/**
 * The authentication step of opening, after AUTH_LIST: none, or polkit (the server decides); the {@code auth}
 * URI parameter picks one of those the server offers. SASL is not implemented yet: a server that asks only for it
 * is refused with libvirt's authentication error.
 */
final class Authenticator {
    private Authenticator() {
    }

    static void authenticate(RpcClient client, List<Integer> offered, RemoteUri uri, ConnectAuth auth, Duration t) {
        if (offered.isEmpty()) {
            return;
        }
        int wanted = offered.get(0);
        if (uri.auth() != null) {
            wanted = switch (uri.auth().toLowerCase(Locale.ROOT)) {
                case "none" -> RemoteProtocol.REMOTE_AUTH_NONE;
                case "polkit" -> RemoteProtocol.REMOTE_AUTH_POLKIT;
                default -> uri.auth().toLowerCase(Locale.ROOT).startsWith("sasl") ? RemoteProtocol.REMOTE_AUTH_SASL
                        : -1;
            };
            if (!offered.contains(wanted)) {
                throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                        "authentication failed: requested authentication type " + uri.auth()
                                + " rejected");
            }
        }
        if (wanted == RemoteProtocol.REMOTE_AUTH_NONE) {
            return;
        }
        if (wanted == RemoteProtocol.REMOTE_AUTH_POLKIT) {
            client.call(RemoteProtocol.AUTH_POLKIT, null, t);
            return;
        }
        throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                "authentication failed: unsupported authentication type " + wanted);
    }
}
