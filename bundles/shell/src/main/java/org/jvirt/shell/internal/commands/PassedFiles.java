package org.jvirt.shell.internal.commands;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.shell.internal.vsh.CNumbers;
import org.jvirt.shell.internal.vsh.CommandFailure;

/**
 * virsh's --pass-fds N,M: descriptors of this process handed to a starting guest. Each is reached through
 * /proc/self/fd (a new descriptor on the same file), so the command's own stay as they are; the new ones are
 * closed when the command is done, after the driver took what it keeps.
 */
final class PassedFiles implements Closeable {
    private final List<Closeable> opened = new ArrayList<>();
    private final List<FileDescriptor> descriptors = new ArrayList<>();

    private PassedFiles() {
    }

    /** The numbers of {@code list} ("3,4"), checked as virsh checks them; null when none are given. */
    static int[] numbers(String list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        String[] parts = list.split(",", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            out[i] = (int) CNumbers.strtoi(part)
                    .orElseThrow(() -> new CommandFailure("Unable to parse FD number '" + part + "'"));
        }
        return out;
    }

    /** Opens each of {@code numbers}; fails naming the first that this process does not have open. */
    static PassedFiles open(int[] numbers) {
        PassedFiles files = new PassedFiles();
        try {
            for (int n : numbers) {
                files.add(n);
            }
        } catch (CommandFailure e) {
            files.close();
            throw e;
        }
        return files;
    }

    private void add(int n) {
        String path = "/proc/self/fd/" + n;
        try {
            FileInputStream in = new FileInputStream(path);
            opened.add(in);
            descriptors.add(in.getFD());
            return;
        } catch (IOException e) {
            // a descriptor open for writing only: reach it the same way
        }
        try {
            FileOutputStream out = new FileOutputStream(path, true);
            opened.add(out);
            descriptors.add(out.getFD());
        } catch (IOException e) {
            throw new CommandFailure("Unable to pass FD " + n + ": " + e.getMessage());
        }
    }

    List<FileDescriptor> descriptors() {
        return List.copyOf(descriptors);
    }

    @Override
    public void close() {
        for (Closeable c : opened) {
            try {
                c.close();
            } catch (IOException e) {
                // a descriptor of our own that will not close changes nothing for the guest
            }
        }
    }
}
