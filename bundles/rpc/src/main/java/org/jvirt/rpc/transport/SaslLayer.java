package org.jvirt.rpc.transport;

import javax.security.sasl.SaslException;

/**
 * A SASL mechanism's security layer once authentication has negotiated one (the client's or the server's side):
 * what {@link SaslFramedChannel} wraps each buffer with and unwraps each one with.
 */
public interface SaslLayer {
    /** The layer's encoding of {@code len} plain bytes of {@code data} from {@code off}. */
    byte[] wrap(byte[] data, int off, int len) throws SaslException;

    /** The layer's decoding of {@code len} wrapped bytes of {@code data} from {@code off}. */
    byte[] unwrap(byte[] data, int off, int len) throws SaslException;

    /** The most plain bytes one wrapped buffer may carry, as negotiated; 0 or less when the peer set none. */
    int maxRawSend();

    /** Forgets the negotiated secrets; wrap and unwrap fail afterwards. */
    void dispose();
}
