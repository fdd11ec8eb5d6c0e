package org.jvirt.shell.internal.vsh;

import java.util.List;

/**
 * A command line that does not parse (unknown option, missing value, missing required option...). Nothing ran; each
 * message is printed as {@code error: MESSAGE}, as vsh prints its parse errors.
 */
public class VshSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> messages;

    public VshSyntaxException(String message) {
        this(List.of(message));
    }

    public VshSyntaxException(List<String> messages) {
        super(String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
