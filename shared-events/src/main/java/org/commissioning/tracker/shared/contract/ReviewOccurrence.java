package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;

/**
 * One occurrence of a review point: a one-off point has one, a recurring one has one every {@code recurrence} from its
 * first due date while the contract is in force. {@code completedOn} is null while it is not completed.
 */
public record ReviewOccurrence(String reviewId, ReviewKind kind, String description, LocalDate dueOn,
                               LocalDate completedOn) {
}
