package org.jvirt.daemon.internal;

import javax.security.sasl.SaslException;
import org.jvirt.rpc.transport.SaslLayer;

/**
 * One client's SASL authentication in progress, whatever the mechanism: the client's messages in, the server's out,
 * then who it is and how strong the security layer it negotiated is (its SSF, 0 without one), and the layer.
 */
interface SaslExchange extends SaslLayer {
    /** The answer to the client's message ({@code null} when the client sent nothing, as SASL distinguishes). */
    byte[] evaluate(byte[] response) throws SaslException;

    boolean isComplete();

    /** The authenticated user, once complete. */
    String user();

    /** The security strength factor of the layer negotiated, in bits; 0 when none. */
    int ssf();

}
