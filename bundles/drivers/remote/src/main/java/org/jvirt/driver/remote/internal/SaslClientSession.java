package org.jvirt.driver.remote.internal;

import javax.security.sasl.SaslException;
import org.jvirt.rpc.transport.SaslLayer;

/**
 * The client's side of one SASL mechanism, as libvirt's client drives cyrus-sasl: an optional first message, then
 * an answer to each of the server's messages until both sides are complete; afterwards the strength of the
 * security layer negotiated (its SSF in bits, 0 without one) and the layer itself.
 */
interface SaslClientSession extends SaslLayer {
    /** The mechanism's name as the server lists it. */
    String mechanism();

    /** The first message, sent with AUTH_SASL_START; {@code null} when the mechanism waits for the server. */
    byte[] start() throws SaslException;

    /** The answer to the server's message ({@code null} when the server sent none, which SASL tells apart). */
    byte[] step(byte[] challenge) throws SaslException;

    /** Whether this side has finished, the server's last message checked. */
    boolean isComplete();

    /** The security strength factor of the layer negotiated; 0 when there is none. */
    int ssf();

}
