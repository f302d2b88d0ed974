package org.commissioning.tracker.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.junit.jupiter.api.Test;

class ReadYourWritesTest {

    final ReadYourWrites readYourWrites = new ReadYourWrites(Duration.ofMillis(200));

    @Test
    void aVersionAlreadyProjectedIsReadAtOnce() {
        AtomicLong asked = new AtomicLong();
        assertThatCode(() -> readYourWrites.await(3L, () -> {
            asked.incrementAndGet();
            return 3;
        }, "contract X")).doesNotThrowAnyException();
        assertThat(asked).hasValue(1);
    }

    @Test
    void theReadWaitsUntilTheProjectionReachesTheVersion() {
        AtomicLong seen = new AtomicLong(-1);
        // the projection advances one version each time it is asked
        readYourWrites.await(4L, seen::incrementAndGet, "contract X");
        assertThat(seen).hasValue(4);
    }

    @Test
    void aVersionFarAheadIsProjectionBehindOnceTheBoundHasPassed() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> readYourWrites.await(1_000_000L, () -> 7, "contract X"))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo(Rejection.PROJECTION_BEHIND);
                    assertThat(violation.getMessage()).contains("version 7 of contract X", "1000000");
                });
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void noMinVersionMeansNoWait() {
        assertThatCode(() -> readYourWrites.await(null, () -> {
            throw new AssertionError("the projection is not asked");
        }, "contract X")).doesNotThrowAnyException();
    }
}
