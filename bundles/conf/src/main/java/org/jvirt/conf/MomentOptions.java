package org.jvirt.conf;

import java.util.function.LongSupplier;

/**
 * How a snapshot or checkpoint document is read, as libvirt's parse flags: {@code redefine} (REDEFINE: the
 * document describes an existing moment, with its creation time, parent, state and domain, as dumped),
 * {@code internal} (INTERNAL: the driver's own saved form, with {@code <active>}), {@code validate} (VALIDATE:
 * against libvirt's schema first; checkpoints always are), and the clock that gives a new moment its creation time
 * (seconds since the epoch) and, without a name, its name.
 */
public record MomentOptions(boolean redefine, boolean internal, boolean validate, LongSupplier clock) {
    /** A new moment, timed by the system clock (a driver's snapshot-create). */
    public static MomentOptions create() {
        return new MomentOptions(false, false, false, () -> System.currentTimeMillis() / 1000);
    }

    /** A new moment timed by {@code clock}; a clock that gives 0 leaves the time (and a missing name) unset. */
    public static MomentOptions create(LongSupplier clock) {
        return new MomentOptions(false, false, false, clock);
    }

    /** An existing moment given back to a driver (snapshot-create --redefine). */
    public static MomentOptions existing() {
        return new MomentOptions(true, false, false, () -> 0L);
    }

    /** This, with the driver's own form ({@code <active>}) read too. */
    public MomentOptions withInternal() {
        return new MomentOptions(redefine, true, validate, clock);
    }

    /** This, validating the document against libvirt's schema first (libvirt's VALIDATE flag). */
    public MomentOptions withValidation() {
        return new MomentOptions(redefine, internal, true, clock);
    }
}
