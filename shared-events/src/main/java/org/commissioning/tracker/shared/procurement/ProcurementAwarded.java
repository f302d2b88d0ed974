package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;
import java.util.List;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;

/**
 * The procurement was awarded on {@code effectiveOn} to {@code providers}, by {@code route}, creating the contract
 * {@code contractId} (titled {@code title}, of {@code kind}, worth {@code value}). The contract's own history starts
 * with its registration on the same date, recorded in the same transaction.
 */
public record ProcurementAwarded(
        ProcurementId procurementId,
        LocalDate effectiveOn,
        ContractId contractId,
        String title,
        ContractKind kind,
        List<Party> providers,
        Money value,
        ProcurementRoute route) implements ProcurementEvent {
}
