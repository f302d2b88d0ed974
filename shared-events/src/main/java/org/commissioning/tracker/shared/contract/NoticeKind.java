package org.commissioning.tracker.shared.contract;

public enum NoticeKind {
    /** Declines the next renewal the notice is in time for; the contract runs off to its end. */
    NON_RENEWAL,
    /** Ends the contract on the date it names, at least the termination notice period after it is served. */
    TERMINATION
}
