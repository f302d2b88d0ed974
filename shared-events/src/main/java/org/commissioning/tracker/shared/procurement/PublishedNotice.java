package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/** A notice as published: its kind, date, reference and link (either may be null). */
public record PublishedNotice(ProcurementNoticeKind kind, LocalDate publishedOn, String reference, String url) {
}
