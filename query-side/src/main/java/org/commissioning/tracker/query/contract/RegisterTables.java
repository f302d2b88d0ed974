package org.commissioning.tracker.query.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractPhase;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractStatus;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the register's tables ({@code contract_register}, {@code contract_register_party},
 * {@code contract_state_period}) for one contract from all its recorded events, in the projection's transaction.
 * Rewriting a contract's rows from its events makes every write idempotent.
 */
@Component
class RegisterTables {

    static final String COMMISSIONER = "COMMISSIONER";
    static final String PROVIDER = "PROVIDER";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RegisterTables(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The party filters compare names in lower case (a party's name in any case finds it). */
    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Rewrites the contract's register row, and its state periods from the first that changed (most events change
     * none: a commencement, a variation, a review point). The parties are written with the registration.
     */
    void write(ContractTimeline timeline, long version, boolean registration) {
        ContractRegistered registered = timeline.registration();
        String id = registered.contractId().value();
        String kind = registered.kind().name();
        StatePeriods.Result periods = StatePeriods.of(timeline);

        jdbc.update("""
                insert into contract_register (contract_id, title, kind, start_date, commissioners, providers, version,
                                               periods_until)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)
                on conflict (contract_id) do update set title = excluded.title, kind = excluded.kind,
                    start_date = excluded.start_date, commissioners = excluded.commissioners,
                    providers = excluded.providers, version = excluded.version, periods_until = excluded.periods_until
                """, id, registered.title(), kind, registered.terms().startDate(),
                json.writeValueAsString(registered.commissioners()), json.writeValueAsString(registered.providers()),
                version, periods.until());

        if (registration) {
            jdbc.update("delete from contract_register_party where contract_id = ?", id);
            List<Object[]> parties = new ArrayList<>();
            addParties(parties, COMMISSIONER, registered.commissioners(), id);
            addParties(parties, PROVIDER, registered.providers(), id);
            jdbc.batchUpdate("insert into contract_register_party (role, name_key, contract_id) values (?, ?, ?) "
                    + "on conflict do nothing", parties);
        }

        List<StatePeriods.Period> stored = jdbc.query("select from_date, to_date, status, phase, end_date "
                + "from contract_state_period where contract_id = ? order by from_date", (rs, n) ->
                new StatePeriods.Period(rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class), ContractStatus.valueOf(rs.getString("status")),
                        rs.getString("phase") == null ? null : ContractPhase.valueOf(rs.getString("phase")),
                        rs.getObject("end_date", LocalDate.class)), id);
        List<StatePeriods.Period> wanted = periods.periods();
        int same = 0;
        while (same < stored.size() && same < wanted.size() && stored.get(same).equals(wanted.get(same))) {
            same++;
        }
        if (same < stored.size()) {
            // the periods are contiguous: the first that changed starts where the last unchanged one ended
            jdbc.update("delete from contract_state_period where contract_id = ? and from_date >= ?", id,
                    stored.get(same).from());
        }
        if (same < wanted.size()) {
            jdbc.batchUpdate("insert into contract_state_period (contract_id, from_date, to_date, status, phase, "
                            + "end_date, kind) values (?, ?, ?, ?, ?, ?, ?)",
                    wanted.subList(same, wanted.size()).stream().map(p -> new Object[]{id, p.from(), p.to(),
                            p.status().name(), p.phase() == null ? null : p.phase().name(), p.endDate(), kind})
                            .toList());
        }
    }

    private static void addParties(List<Object[]> rows, String role, List<Party> parties, String id) {
        for (Party party : parties) {
            rows.add(new Object[]{role, nameKey(party.name()), id});
        }
    }

    void clear() {
        jdbc.update("delete from contract_state_period");
        jdbc.update("delete from contract_register_party");
        jdbc.update("delete from contract_register");
    }
}
