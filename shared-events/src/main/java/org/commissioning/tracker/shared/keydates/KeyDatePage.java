package org.commissioning.tracker.shared.keydates;

import java.time.LocalDate;
import java.util.List;

/** One page of the key dates in the window {@code [from, to]}; {@code total} match in all (API.md, "Lists"). */
public record KeyDatePage(List<KeyDate> items, int page, int size, long total, LocalDate from, LocalDate to) {
}
