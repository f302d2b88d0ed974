package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;

/**
 * A fact in a contract's life. Every one carries the date it took effect in the real world; when it was recorded, who
 * recorded it and why travel in its metadata.
 */
public sealed interface ContractEvent permits ContractRegistered, ContractCommenced, ExtensionOptionExercised,
        ContractRenewed, NoticeServed, ContractTerminated, ContractVaried, ReviewPointScheduled, ReviewPointCompleted {

    ContractId contractId();

    LocalDate effectiveOn();
}
