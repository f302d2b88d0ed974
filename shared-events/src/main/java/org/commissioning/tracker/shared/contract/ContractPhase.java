package org.commissioning.tracker.shared.contract;

/** Which part of its term an ACTIVE contract is in. */
public enum ContractPhase {
    /** From the start date to the initial end date. */
    INITIAL_TERM,
    /** After the initial end date, within the term as extended by the options exercised. */
    EXTENSION,
    /** After the term (and extensions), renewed automatically (renewal rule {@code AUTOMATIC}). */
    ROLLING_RENEWAL,
    /** After the term (and extensions), renewed by agreement (renewal rule {@code BY_AGREEMENT}). */
    RENEWED
}
