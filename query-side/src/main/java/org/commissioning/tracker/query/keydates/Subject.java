package org.commissioning.tracker.query.keydates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;

/**
 * What key dates belong to: a contract or a procurement, with its title and the keys its commissioners (a
 * procurement's buyers) and providers are found by: {@code c:} or {@code p:} and the name lower-cased. A procurement
 * has no provider keys: its bidders provide nothing until the award, and from the award on its contract (whose
 * providers are keyed) holds the dates.
 */
record Subject(String type, String id, String title, List<String> parties) {

    static final String CONTRACT = "contract";
    static final String PROCUREMENT = "procurement";

    static Subject of(ContractRegistered registered) {
        String id = registered.contractId().value();
        List<String> parties = new ArrayList<>();
        keys("c:", registered.commissioners(), parties);
        keys("p:", registered.providers(), parties);
        return new Subject(CONTRACT, id, registered.title() == null ? id : registered.title(), parties);
    }

    static Subject of(ProcurementPlanned planned) {
        String id = planned.procurementId().value();
        List<String> parties = new ArrayList<>();
        keys("c:", planned.buyers(), parties);
        return new Subject(PROCUREMENT, id, planned.title() == null ? id : planned.title(), parties);
    }

    /** A commissioner as the filter matches it: any case, surrounding spaces ignored, otherwise exact. */
    static String commissioner(String name) {
        return "c:" + key(name);
    }

    static String provider(String name) {
        return "p:" + key(name);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static void keys(String role, List<Party> parties, List<String> keys) {
        if (parties != null) {
            parties.stream().map(p -> role + key(p.name())).filter(k -> !keys.contains(k)).forEach(keys::add);
        }
    }
}
