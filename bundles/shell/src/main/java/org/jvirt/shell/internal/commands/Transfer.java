package org.jvirt.shell.internal.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.vsh.CommandFailure;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * Moves a volume's bytes through a stream for vol-upload and vol-download: progress with --verbose (jvirt's
 * addition to virsh's options, where the command has it), and Ctrl-C aborts the stream, leaving the volume as the
 * driver leaves an aborted transfer.
 */
final class Transfer {
    private static final int CHUNK = 256 * 1024;

    private Transfer() {
    }

    static void send(CommandContext ctx, ParsedArgs args, Stream st, InputStream in, long total, String label)
            throws IOException {
        Progress progress = verbose(args) ? new Progress(ctx, label) : null;
        AtomicBoolean interrupted = new AtomicBoolean();
        ctx.session().onInterrupt(() -> interrupted.set(true));
        byte[] buf = new byte[CHUNK];
        long done = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (interrupted.get()) {
                    st.abort();
                    throw new CommandFailure("cannot send data to volume: interrupted");
                }
                int off = 0;
                while (off < n) {
                    off += st.send(buf, off, n - off);
                }
                done += n;
                if (progress != null && total > 0) {
                    progress.show(Math.max(0, total - done), total);
                }
            }
            st.finish();
        } catch (VirtException e) {
            abortQuietly(st);
            throw new CommandFailure("cannot send data to volume", e);
        } finally {
            ctx.session().onInterrupt(null);
        }
        if (progress != null) {
            progress.show(0, 1);
            progress.end();
        }
    }

    static void receive(CommandContext ctx, ParsedArgs args, Stream st, OutputStream out, long total, String label)
            throws IOException {
        Progress progress = verbose(args) ? new Progress(ctx, label) : null;
        AtomicBoolean interrupted = new AtomicBoolean();
        ctx.session().onInterrupt(() -> interrupted.set(true));
        byte[] buf = new byte[CHUNK];
        long done = 0;
        try {
            int n;
            while ((n = st.recv(buf, 0, buf.length)) > 0) {
                if (interrupted.get()) {
                    st.abort();
                    throw new CommandFailure("cannot receive data from volume: interrupted");
                }
                out.write(buf, 0, n);
                done += n;
                if (progress != null && total > 0) {
                    progress.show(Math.max(0, total - done), total);
                }
            }
            st.finish();
        } catch (VirtException e) {
            abortQuietly(st);
            throw new CommandFailure("cannot receive data from volume", e);
        } finally {
            ctx.session().onInterrupt(null);
        }
        if (progress != null) {
            progress.show(0, 1);
            progress.end();
        }
    }

    private static boolean verbose(ParsedArgs args) {
        return args.definesOption("verbose") && args.has("verbose");
    }

    private static void abortQuietly(Stream st) {
        try {
            st.abort();
        } catch (VirtException e) {
            // already aborted by the failure
        }
    }
}
