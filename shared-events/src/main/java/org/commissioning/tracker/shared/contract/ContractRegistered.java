package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.util.List;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;

/**
 * A contract entered the register: awarded on {@code awardedOn} (its effective date) to {@code providers} by
 * {@code commissioners}, on {@code terms}. {@code procurementId} is set when a procurement's award created it.
 */
public record ContractRegistered(
        ContractId contractId,
        String title,
        ContractKind kind,
        List<Party> commissioners,
        List<Party> providers,
        Money value,
        LocalDate awardedOn,
        ContractTerms terms,
        ProcurementId procurementId,
        ProcurementRoute procurementRoute) implements ContractEvent {

    @Override
    public LocalDate effectiveOn() {
        return awardedOn;
    }
}
