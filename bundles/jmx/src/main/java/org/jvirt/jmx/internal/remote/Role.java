package org.jvirt.jmx.internal.remote;

/** What a remote JMX user may do, as the access file names it. */
enum Role {
    /** Read attributes and MBean information, query names, receive notifications. */
    READONLY("readonly"),
    /** Also invoke operations and set attributes. */
    READWRITE("readwrite");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    /** The role an access file's word names, or null for a word that names none. */
    static Role of(String word) {
        for (Role r : values()) {
            if (r.word.equals(word)) {
                return r;
            }
        }
        return null;
    }
}
