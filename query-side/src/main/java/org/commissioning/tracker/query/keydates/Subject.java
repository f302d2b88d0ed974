package org.commissioning.tracker.query.keydates;

import java.util.List;
import java.util.Locale;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractRegistered;

/**
 * What key dates belong to: a contract (or, once recorded, a procurement), with its title and the names its
 * commissioners (buyers) and providers are found by.
 */
record Subject(String type, String id, String title, List<String> commissionerKeys, List<String> providerKeys) {

    static final String CONTRACT = "contract";
    static final String PROCUREMENT = "procurement";

    static Subject of(ContractRegistered registered) {
        String id = registered.contractId().value();
        return new Subject(CONTRACT, id, registered.title() == null ? id : registered.title(),
                keys(registered.commissioners()), keys(registered.providers()));
    }

    /** A party's name as the filters match it: any case, surrounding spaces ignored, otherwise exact. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> keys(List<Party> parties) {
        return parties == null ? List.of() : parties.stream().map(p -> key(p.name())).distinct().toList();
    }
}
