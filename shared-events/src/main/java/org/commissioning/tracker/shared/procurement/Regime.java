package org.commissioning.tracker.shared.procurement;

/** The procurement rules a procurement is run under (DOMAIN.md, "Two aggregates"). Fixed when it is planned. */
public enum Regime {
    /** The Public Contracts Regulations 2006 (health and social care services as Part B services). */
    PCR2006,
    /** The Public Contracts Regulations 2015, for procurements begun before the Procurement Act 2023 took effect. */
    PCR2015,
    /** The Procurement Act 2023 (in force from 24 February 2025). */
    PA2023,
    /** The Health Care Services (Provider Selection Regime) Regulations 2023, for NHS health care services. */
    PSR,
    /** The light-touch regime for social and other specific services (PCR 2015 regulations 74 to 77, PA23 likewise). */
    LIGHT_TOUCH,
    /** No procurement regulation applies (a grant, a section 75 agreement between public bodies, below threshold). */
    NONE;

    /**
     * Whether a procurement under this regime may use {@code route}: the Provider Selection Regime's routes
     * ({@code PSR_*}) belong to {@code PSR} and {@code PSR} to them ({@code UNDECIDED} fits every regime).
     */
    public boolean allows(ProcurementRoute route) {
        if (route == ProcurementRoute.UNDECIDED) {
            return true;
        }
        return (this == PSR) == route.name().startsWith("PSR_");
    }
}
