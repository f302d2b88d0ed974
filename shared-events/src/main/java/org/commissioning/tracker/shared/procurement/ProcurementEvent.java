package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/**
 * A fact in a procurement's life. Every one carries the date it took effect in the real world; when it was recorded,
 * who recorded it and why travel in its metadata.
 */
public sealed interface ProcurementEvent permits ProcurementPlanned, NoticePublished, RouteChosen, StageEntered,
        ParticipationRecorded, BidRecorded, StandstillRecorded, ProcurementAwarded, ProcurementAbandoned {

    ProcurementId procurementId();

    LocalDate effectiveOn();
}
