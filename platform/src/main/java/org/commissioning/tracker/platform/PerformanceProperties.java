package org.commissioning.tracker.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tracker.performance.*}: one switch back to Axon's untuned processor settings, for comparing against the
 * baseline. With {@code axon-defaults=true} every projection's processor handles one event per transaction (Axon's
 * default batch size) whatever its own {@code batch-size} property says, starts with Axon's 16 segments rather than
 * {@code tracker.projections.segments}, an idle segment stores its position every 5 s rather than
 * {@code tracker.projections.idle-position-interval}, the admin rebuild lets each processor
 * replay the event store itself (no bulk replay), and Axon's per-message handler timeouts stay on
 * ({@link PerMessageTimeouts}). The event storage engine stays
 * {@code tracker.event-store.engine}; the JDBC driver's batched inserts and the credential cache have their own
 * switches ({@code tracker.jdbc.rewrite-batched-inserts}, {@code tracker.security.credential-cache.enabled}).
 *
 * @param axonDefaults Axon's defaults where ours differ (default false: tuned)
 */
@ConfigurationProperties("tracker.performance")
public record PerformanceProperties(boolean axonDefaults) {

    /** Axon's default batch size of a streaming processor: one event per unit of work. */
    public static final int AXON_DEFAULT_BATCH_SIZE = 1;

    /** Axon's default number of segments a pooled streaming processor starts with. */
    public static final int AXON_DEFAULT_SEGMENTS = 16;

    /** Axon's default time after which an idle work package stores its position or extends its claim. */
    public static final long AXON_DEFAULT_CLAIM_EXTENSION_MILLIS = 5_000;

    /** The batch size a processor gets: {@code tuned}, or Axon's default under {@code axon-defaults}. */
    public int batchSize(int tuned) {
        return axonDefaults ? AXON_DEFAULT_BATCH_SIZE : tuned;
    }

    /** How often an idle segment stores its position: {@code tuned}, or Axon's default under {@code axon-defaults}. */
    public long claimExtensionMillis(Duration tuned) {
        return axonDefaults ? AXON_DEFAULT_CLAIM_EXTENSION_MILLIS : tuned.toMillis();
    }

    /** The segments a processor starts with: {@code tuned}, or Axon's default under {@code axon-defaults}. */
    public int segments(int tuned) {
        return axonDefaults ? AXON_DEFAULT_SEGMENTS : tuned;
    }
}
