package org.jvirt.api;

/** Version numbers as libvirt encodes them: major * 1,000,000 + minor * 1,000 + release. */
public final class Versions {
    /** The libvirt API level jvirt implements: 9.0.0, the release its behaviour is checked against. */
    public static final long LIBVIRT_API = 9_000_000L;

    private Versions() {
    }

    public static long encode(int major, int minor, int release) {
        return major * 1_000_000L + minor * 1_000L + release;
    }

    /** "9.0.0" for 9000000. */
    public static String format(long version) {
        return (version / 1_000_000) + "." + (version / 1_000 % 1_000) + "." + (version % 1_000);
    }
}
