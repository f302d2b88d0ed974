package org.commissioning.tracker.query.keydates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractRegistered;

/**
 * What key dates belong to: a contract (or, once recorded, a procurement), with its title and the keys its
 * commissioners (buyers) and providers are found by: {@code c:} or {@code p:} and the name lower-cased.
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
