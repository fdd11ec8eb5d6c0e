package org.jvirt.daemon.internal;

import javax.security.sasl.SaslException;

/**
 * One client's SASL authentication in progress, whatever the mechanism: the client's messages in, the server's out,
 * then who it is and how strong the security layer it negotiated is (its SSF, 0 without one).
 */
interface SaslExchange {
    /** The answer to the client's message ({@code null} when the client sent nothing, as SASL distinguishes). */
    byte[] evaluate(byte[] response) throws SaslException;

    boolean isComplete();

    /** The authenticated user, once complete. */
    String user();

    /** The security strength factor of the layer negotiated, in bits; 0 when none. */
    int ssf();

    /** The layer's encoding of what the server sends. */
    byte[] wrap(byte[] data, int off, int len) throws SaslException;

    /** The layer's decoding of what the client sends. */
    byte[] unwrap(byte[] data, int off, int len) throws SaslException;

    /** The most plain bytes one wrapped buffer may carry. */
    int maxRawSend();

    void dispose();
}
