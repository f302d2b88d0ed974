package org.commissioning.tracker.shared.keydates;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One dated obligation in a window (API.md, "Key date"): its date, what it is, the contract (or procurement) it
 * belongs to with its title, the days from the window's start to it, and a line a contract manager reads.
 */
public record KeyDate(
        LocalDate date,
        KeyDateKind kind,
        @JsonInclude(JsonInclude.Include.NON_NULL) String contractId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String procurementId,
        String title,
        long daysAway,
        String detail) {
}
