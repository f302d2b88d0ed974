package org.commissioning.tracker.query.web;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.commissioning.tracker.shared.Rejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a client read its own write: a read with {@code minVersion} waits, a few seconds at most, until the projection
 * has seen that version of the aggregate, then answers 503 {@code projection_behind}. Clients never sleep.
 */
@Component
public class ReadYourWrites {

    private final Duration patience;

    ReadYourWrites(@Value("${tracker.read-your-writes.timeout:5s}") Duration patience) {
        this.patience = patience;
    }

    /** @param projectedVersion the version the projection has reached, or -1 when it has not seen the aggregate */
    public void await(Long minVersion, LongSupplier projectedVersion, String what) {
        if (minVersion == null) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 2;
        long seen;
        while ((seen = projectedVersion.getAsLong()) < minVersion) {
            if (System.nanoTime() > deadline) {
                throw Rejection.PROJECTION_BEHIND.because("The read model has reached version " + seen + " of " + what
                        + ", not yet " + minVersion + "; try again shortly");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Rejection.PROJECTION_BEHIND.because("Interrupted while waiting for version " + minVersion);
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
