package org.commissioning.tracker.shared.contract;

public enum RenewalMode {
    /** Rolling, evergreen, tacit: renews at each renewal point unless a non-renewal notice was served in time. */
    AUTOMATIC,
    /** Renews only when a renewal is recorded on or before the current end date. */
    BY_AGREEMENT
}
