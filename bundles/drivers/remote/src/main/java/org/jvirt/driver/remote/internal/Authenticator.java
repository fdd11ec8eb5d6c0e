package org.jvirt.driver.remote.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.remote.RemoteProtocol;
import org.jvirt.rpc.transport.RpcClient;
import org.jvirt.rpc.transport.SaslFramedChannel;

/**
 * The authentication step of opening, after AUTH_LIST, as libvirt's remoteAuthenticate: the {@code auth} URI
 * parameter ({@code sasl}, {@code sasl.MECH}, {@code polkit}) picks one of the types the server offers, else the
 * server's first; then SASL, polkit (the server decides) or nothing.
 */
final class Authenticator {
    private Authenticator() {
    }

    /** The SASL outcome when SASL ran, else {@code null}. */
    static SaslAuthentication.Outcome authenticate(RpcClient client, SaslFramedChannel channel, List<Integer> offered,
            URI given, RemoteUri uri, boolean secure, ConnectAuth auth, Duration t) {
        if (offered.isEmpty()) {
            return null;
        }
        int type;
        String mech = null;
        String wanted = uri.auth();
        if (wanted != null) {
            String lower = wanted.toLowerCase(Locale.ROOT);
            int want;
            if (lower.equals("sasl") || lower.startsWith("sasl.")) {
                want = RemoteProtocol.REMOTE_AUTH_SASL;
            } else if (lower.equals("polkit")) {
                want = RemoteProtocol.REMOTE_AUTH_POLKIT;
            } else {
                throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                        "unknown authentication type " + wanted);
            }
            if (!offered.contains(want)) {
                throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                        "requested authentication type " + wanted + " rejected");
            }
            type = want;
            if (lower.startsWith("sasl.")) {
                mech = wanted.substring(5);
            }
        } else {
            type = offered.get(0);
        }
        switch (type) {
            case RemoteProtocol.REMOTE_AUTH_SASL:
                SaslCredentials credentials = new SaslCredentials(auth,
                        () -> AuthConfigFile.locate(given, System::getenv), uri.host());
                return SaslAuthentication.run(client, channel, secure, uri.hostOrLocal(), mech, credentials, t);
            case RemoteProtocol.REMOTE_AUTH_POLKIT:
                client.call(RemoteProtocol.AUTH_POLKIT, null, t);
                return null;
            case RemoteProtocol.REMOTE_AUTH_NONE:
                return null;
            default:
                throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                        "unsupported authentication type " + offered.get(0));
        }
    }
}
