package org.jvirt.conf;

import java.util.Random;

/** Randomness that always yields zeros, as libvirt's tests mock it: generated MACs read 52:54:00:00:00:00. */
final class ZeroRandom extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public void nextBytes(byte[] bytes) {
        java.util.Arrays.fill(bytes, (byte) 0);
    }

    @Override
    protected int next(int bits) {
        return 0;
    }
}
