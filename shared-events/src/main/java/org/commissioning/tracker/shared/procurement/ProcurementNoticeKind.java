package org.commissioning.tracker.shared.procurement;

/**
 * The notices a procurement publishes: the PCR forms, the Procurement Act 2023 notices UK1 to UK12 and the Provider
 * Selection Regime's. Named {@code ProcurementNoticeKind} so that it is not confused with a contract's
 * {@code NoticeKind} (non-renewal, termination), in code or in the OpenAPI document.
 *
 * <p>Each kind says when it may still be published. A notice that belongs before the award (a tender notice, an
 * intention to award) is refused once the procurement is awarded ({@code already_awarded}); after an award only the
 * notices that report on it or on the contract may follow. After an abandonment only the notices that report the
 * ending may follow ({@code procurement_abandoned} otherwise).
 */
public enum ProcurementNoticeKind {
    /** PCR: a prior information notice (a call for competition for light-touch services, or advance notice). */
    PRIOR_INFORMATION_NOTICE(Timing.BEFORE_AWARD),
    /** PCR: the contract notice that opens the competition. */
    CONTRACT_NOTICE(Timing.BEFORE_AWARD),
    /** PCR, as published on Find a Tender after 2020: the tender notice that opens the competition. */
    TENDER_NOTICE(Timing.BEFORE_AWARD),
    /** PCR: the award decision notified to bidders (regulation 86), which starts the standstill. */
    INTENTION_TO_AWARD(Timing.BEFORE_AWARD),
    /** PCR: a voluntary ex ante transparency notice, before a contract awarded without a call for competition. */
    VOLUNTARY_TRANSPARENCY_NOTICE(Timing.BEFORE_AWARD),
    /**
     * PCR: the contract award notice, within 30 days of the award (it also reports a procurement that ended without an
     * award); PSR: the notice confirming the award.
     */
    CONTRACT_AWARD_NOTICE(Timing.REPORTS_OUTCOME),
    /** PA23 UK1: pipeline notice, the contracting authority's planned procurements over £2m for the next 18 months. */
    UK1_PIPELINE(Timing.BEFORE_AWARD),
    /** PA23 UK2: preliminary market engagement notice. */
    UK2_PRELIMINARY_MARKET_ENGAGEMENT(Timing.BEFORE_AWARD),
    /** PA23 UK3: planned procurement notice, which may shorten the tendering period. */
    UK3_PLANNED_PROCUREMENT(Timing.BEFORE_AWARD),
    /** PA23 UK4: tender notice, opening an open or competitive flexible procedure. */
    UK4_TENDER(Timing.BEFORE_AWARD),
    /** PA23 UK5: transparency notice, before a direct award. */
    UK5_TRANSPARENCY(Timing.BEFORE_AWARD),
    /** PA23 UK6: contract award notice, published before the contract is entered into; it starts the standstill. */
    UK6_CONTRACT_AWARD(Timing.BEFORE_AWARD),
    /** PA23 UK7: contract details notice, within 30 days of entering into the contract. */
    UK7_CONTRACT_DETAILS(Timing.AFTER_AWARD),
    /** PA23 UK8: payments compliance notice (a contracting authority's payment performance). */
    UK8_PAYMENTS_COMPLIANCE(Timing.AFTER_AWARD),
    /** PA23 UK9: contract performance notice. */
    UK9_CONTRACT_PERFORMANCE(Timing.AFTER_AWARD),
    /** PA23 UK10: contract change notice. */
    UK10_CONTRACT_CHANGE(Timing.AFTER_AWARD),
    /** PA23 UK11: contract termination notice. */
    UK11_CONTRACT_TERMINATION(Timing.AFTER_AWARD),
    /** PA23 UK12: procurement termination notice, when a procurement ends without an award. */
    UK12_PROCUREMENT_TERMINATION(Timing.REPORTS_ENDING),
    /** PSR: the notice of intention to make an award (direct award C, most suitable provider, competitive process); it starts the standstill. */
    PSR_INTENTION_TO_AWARD(Timing.BEFORE_AWARD);

    private enum Timing {
        BEFORE_AWARD,
        AFTER_AWARD,
        /** Reports how the procurement ended, with or without an award. */
        REPORTS_OUTCOME,
        /** Reports a procurement ended without an award. */
        REPORTS_ENDING
    }

    private final Timing timing;

    ProcurementNoticeKind(Timing timing) {
        this.timing = timing;
    }

    /** Whether the notice may be published once the procurement has been awarded. */
    public boolean publishableAfterAward() {
        return timing == Timing.AFTER_AWARD || timing == Timing.REPORTS_OUTCOME;
    }

    /** Whether the notice may be published once the procurement has been abandoned. */
    public boolean publishableAfterAbandonment() {
        return timing == Timing.REPORTS_OUTCOME || timing == Timing.REPORTS_ENDING;
    }
}
