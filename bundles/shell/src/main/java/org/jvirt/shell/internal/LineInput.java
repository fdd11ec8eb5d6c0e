package org.jvirt.shell.internal;

/** Where the console's lines come from. */
interface LineInput extends AutoCloseable {
    /** The next line, after showing {@code prompt}; "" for a line given up (Ctrl-C); null at the end. */
    String read(String prompt);

    @Override
    void close();
}
