package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.Set;
import org.jvirt.api.DomainChannelFlag;
import org.jvirt.api.DomainConsoleFlag;
import org.jvirt.api.Stream;
import org.jvirt.api.StorageVolDownloadFlag;
import org.jvirt.api.StorageVolUploadFlag;
import org.jvirt.rpc.transport.RpcStream;

/**
 * The procedures with a stream: volume upload and download, consoles and channels (both ways), screenshots. The API
 * stream is made and attached first; the relay starts once the reply is out, as libvirtd starts its stream then.
 */
final class StreamCalls {
    private StreamCalls() {
    }

    static void register(DispatchTable t) {
        t.on(STORAGE_VOL_UPLOAD, (c, a) -> {
            Set<StorageVolUploadFlag> flags = c.flags(StorageVolUploadFlag.class, a.flags());
            Stream api = c.conn().newStream(Set.of());
            c.vol(a.vol()).upload(api, a.offset(), a.length(), flags);
            relay(c, api, false, true, false);
            return null;
        });
        t.on(STORAGE_VOL_DOWNLOAD, (c, a) -> {
            Set<StorageVolDownloadFlag> flags = c.flags(StorageVolDownloadFlag.class, a.flags());
            Stream api = c.conn().newStream(Set.of());
            c.vol(a.vol()).download(api, a.offset(), a.length(), flags);
            relay(c, api, true, false, flags.contains(StorageVolDownloadFlag.SPARSE_STREAM));
            return null;
        });
        t.on(DOMAIN_OPEN_CONSOLE, (c, a) -> {
            Stream api = c.conn().newStream(Set.of());
            c.dom(a.dom()).openConsole(a.devName(), api, c.flags(DomainConsoleFlag.class, a.flags()));
            relay(c, api, true, true, false);
            return null;
        });
        t.on(DOMAIN_OPEN_CHANNEL, (c, a) -> {
            Stream api = c.conn().newStream(Set.of());
            c.dom(a.dom()).openChannel(a.name(), api, c.flags(DomainChannelFlag.class, a.flags()));
            relay(c, api, true, true, false);
            return null;
        });
        t.on(DOMAIN_SCREENSHOT, (c, a) -> {
            c.noFlags(a.flags());
            Stream api = c.conn().newStream(Set.of());
            String mime = c.dom(a.dom()).screenshot(api, a.screen());
            relay(c, api, true, false, false);
            return new DomainScreenshotRet(mime);
        });
    }

    private static void relay(CallContext c, Stream api, boolean toClient, boolean fromClient, boolean sparse) {
        RpcStream wire = c.call().openStream();
        c.call().afterReply(() -> c.session().streams().start(wire, api, toClient, fromClient, sparse));
    }
}
