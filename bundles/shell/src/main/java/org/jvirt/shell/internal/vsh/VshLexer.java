package org.jvirt.shell.internal.vsh;

/**
 * Splits a command line into words as virsh does (vshCommandStringGetArg): blanks separate words; {@code ;} and
 * newlines end a command; a word starting with {@code #} starts a comment that runs to the end of the line; single
 * quotes keep everything, double quotes keep everything but backslash escapes; a backslash escapes the next
 * character, and a backslash-newline disappears. Errors carry virsh's words ("dangling \", "missing \"").
 */
public final class VshLexer {
    /** What {@link #next} found. */
    public enum Token {
        /** A word, in {@link #word()}. */
        WORD,
        /** The end of one command ({@code ;}, a newline or a comment). */
        COMMAND_END,
        /** The end of the line. */
        END
    }

    private final String line;
    private int pos;
    private String word;

    public VshLexer(String line) {
        this.line = line;
    }

    /** The word {@link #next} found last. */
    public String word() {
        return word;
    }

    /** Where the lexer stands in the line. */
    public int position() {
        return pos;
    }

    /**
     * The next token. With {@code strict}, an unterminated double quote is an error, as when virsh runs a line;
     * without it (completing a line being typed) the word simply ends there.
     *
     * @throws VshSyntaxException on a dangling backslash, or an unterminated double quote when strict
     */
    public Token next(boolean strict) {
        word = null;
        int n = line.length();
        while (pos < n) {
            char c = line.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && pos + 1 < n && line.charAt(pos + 1) == '\n') {
                pos += 2;
            } else {
                break;
            }
        }
        if (pos >= n) {
            return Token.END;
        }
        char first = line.charAt(pos);
        if (first == ';' || first == '\n') {
            pos++;
            return Token.COMMAND_END;
        }
        if (first == '#') {
            while (pos < n && line.charAt(pos) != '\n') {
                pos++;
            }
            if (pos < n) {
                pos++;
            }
            return Token.COMMAND_END;
        }
        StringBuilder b = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        while (pos < n) {
            char c = line.charAt(pos);
            if (!single && !dbl && (c == ' ' || c == '\t' || c == ';' || c == '\n')) {
                break;
            }
            if (!dbl && c == '\'') {
                single = !single;
                pos++;
                continue;
            }
            if (!single && c == '\\') {
                pos++;
                if (pos >= n) {
                    throw new VshSyntaxException("dangling \\");
                }
                if (line.charAt(pos) == '\n') {
                    pos++;
                    continue;
                }
                c = line.charAt(pos);
            } else if (!single && c == '"') {
                dbl = !dbl;
                pos++;
                continue;
            }
            b.append(c);
            pos++;
        }
        if (dbl && strict) {
            throw new VshSyntaxException("missing \"");
        }
        word = b.toString();
        return Token.WORD;
    }
}
