package org.civicpulse.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking at a short interval; never a blind sleep. */
public final class Wait {
    private Wait() {
    }

    /** Waits until {@code condition} holds; throws with {@code what} in the message after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ok;
            try {
                ok = condition.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100); // polling interval of a condition with a deadline, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }
}
