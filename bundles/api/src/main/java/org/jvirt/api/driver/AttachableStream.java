package org.jvirt.api.driver;

import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Stream;
import org.jvirt.api.StreamFlag;
import org.jvirt.api.VirtException;

/**
 * The driver's view of a stream the platform made ({@link org.jvirt.api.Connect#newStream}): a driver handed one
 * by an upload, download, console or channel call attaches its {@link StreamChannel}, once.
 */
public interface AttachableStream {
    /** The flags the stream was made with (NONBLOCK). */
    Set<StreamFlag> flags();

    /** Puts {@code channel} behind the stream; fails if a channel is already attached. */
    void attach(StreamChannel channel);

    /** The driver's view of {@code stream}; INVALID_STREAM for a stream the platform did not make. */
    static AttachableStream of(Stream stream) {
        if (stream instanceof AttachableStream a) {
            return a;
        }
        throw new VirtException(ErrorCode.INVALID_STREAM, ErrorDomain.STREAMS, "virStreamNew");
    }
}
