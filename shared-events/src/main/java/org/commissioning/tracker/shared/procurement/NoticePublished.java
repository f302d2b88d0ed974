package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/** A notice of {@code kind} was published on {@code publishedOn} (its effective date), with its reference and link. */
public record NoticePublished(
        ProcurementId procurementId,
        ProcurementNoticeKind kind,
        LocalDate publishedOn,
        String reference,
        String url) implements ProcurementEvent {

    @Override
    public LocalDate effectiveOn() {
        return publishedOn;
    }
}
