package org.jvirt.itest;

import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound, for what the platform does asynchronously (hot deployment, events). */
final class Await {
    private Await() {
    }

    static boolean until(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
