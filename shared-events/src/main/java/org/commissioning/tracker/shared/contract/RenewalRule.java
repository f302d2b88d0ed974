package org.commissioning.tracker.shared.contract;

import java.time.Period;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Values;

/**
 * How a contract renews after its initial term (and options). Renewal points are {@code initialEnd + 1}, then every
 * {@code interval}; at each, the end becomes {@code R + rollingTerm − 1} ({@code rollingTerm} defaults to
 * {@code interval}). {@code maxRenewals} null means unbounded.
 */
public record RenewalRule(RenewalMode mode, Period interval, Period rollingTerm, Period noticePeriod, Integer maxRenewals) {

    public static final int MAX_RENEWALS_LIMIT = 100;

    public RenewalRule {
        Values.required("mode", mode);
        interval = Values.length("interval", interval);
        rollingTerm = rollingTerm == null ? null : Values.length("rollingTerm", rollingTerm);
        noticePeriod = noticePeriod == null ? null : Values.notice("noticePeriod", noticePeriod);
        if (maxRenewals != null && (maxRenewals < 1 || maxRenewals > MAX_RENEWALS_LIMIT)) {
            throw new InvalidValueException("maxRenewals", "must be between 1 and " + MAX_RENEWALS_LIMIT + "; got " + maxRenewals);
        }
    }

    /** The length each renewal runs for from its renewal point. */
    public Period effectiveRollingTerm() {
        return rollingTerm == null ? interval : rollingTerm;
    }

    /** Notice needed to stop a renewal; none set means it may be declined up to the day before the renewal point. */
    public Period effectiveNoticePeriod() {
        return noticePeriod == null ? Period.ZERO : noticePeriod;
    }
}
