package org.jvirt.shell.internal;

/** Where the console's lines come from. */
interface LineInput extends AutoCloseable {
    /** The next line, after showing {@code prompt}; "" for a line given up (Ctrl-C); null at the end. */
    String read(String prompt);

    /**
     * An answer to a credential prompt already shown: the next line, without echo when {@code echo} is false, kept
     * out of the history; null at the end of the input.
     */
    String answer(boolean echo) throws java.io.IOException;

    @Override
    void close();
}
