package org.commissioning.tracker.query.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commissioning.tracker.query.events.CopyRows;
import org.commissioning.tracker.query.events.ProcessorBatch;
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
 * {@code contract_state_period}) for contracts from all their recorded events, in the projection's transaction.
 * Rewriting a contract's rows from its events makes every write idempotent.
 */
@Component
class RegisterTables {

    static final String COMMISSIONER = "COMMISSIONER";
    static final String PROVIDER = "PROVIDER";
    /** A state period's columns, in the order of its row's values. */
    private static final String PERIOD_COLUMNS = "contract_id, from_date, to_date, status, phase, end_date, kind";

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

    /** One contract's register rows to rewrite: from its timeline, at {@code version}, its parties too if registered. */
    record Write(ContractTimeline timeline, long version, boolean registration) {
    }

    /** A state period's row: the contract's, with its kind. */
    private record PeriodRow(String contractId, StatePeriods.Period period, String kind) {

        Object[] values() {
            return new Object[]{contractId, period.from(), period.to(), period.status().name(),
                    period.phase() == null ? null : period.phase().name(), period.endDate(), kind};
        }
    }

    /** A state period's columns, for a copy. */
    private static final class PeriodRows extends CopyRows.Table<PeriodRow> {
        PeriodRows() {
            super("contract_state_period");
            mapText("contract_id", PeriodRow::contractId);
            mapDate("from_date", row -> row.period().from());
            mapDate("to_date", row -> row.period().to());
            mapText("status", row -> row.period().status().name());
            mapText("phase", row -> row.period().phase() == null ? null : row.period().phase().name());
            mapDate("end_date", row -> row.period().endDate());
            mapText("kind", PeriodRow::kind);
        }
    }

    private static final PeriodRows PERIOD_ROWS = new PeriodRows();

    /** A contract's register row. */
    private record RegisterRow(String contractId, String title, String kind, LocalDate startDate, String commissioners,
                               String providers, long version, LocalDate periodsUntil) {

        Object[] values() {
            return new Object[]{contractId, title, kind, startDate, commissioners, providers, version, periodsUntil};
        }
    }

    /** A register row's columns, for a copy. */
    private static final class RegisterRows extends CopyRows.Table<RegisterRow> {
        RegisterRows() {
            super("contract_register");
            mapText("contract_id", RegisterRow::contractId);
            mapText("title", RegisterRow::title);
            mapText("kind", RegisterRow::kind);
            mapDate("start_date", RegisterRow::startDate);
            mapJsonb("commissioners", RegisterRow::commissioners);
            mapJsonb("providers", RegisterRow::providers);
            mapLongPrimitive("version", RegisterRow::version);
            mapDate("periods_until", RegisterRow::periodsUntil);
        }
    }

    private static final RegisterRows REGISTER_ROWS = new RegisterRows();

    /** A commissioner or provider of a contract, by name in lower case ({@link #nameKey}). */
    private record PartyRow(String role, String nameKey, String contractId) {
    }

    /** A party's columns, for a copy. */
    private static final class PartyRows extends CopyRows.Table<PartyRow> {
        PartyRows() {
            super("contract_register_party");
            mapText("role", PartyRow::role);
            mapText("name_key", PartyRow::nameKey);
            mapText("contract_id", PartyRow::contractId);
        }
    }

    private static final PartyRows PARTY_ROWS = new PartyRows();

    /**
     * Rewrites each contract's register row, and its state periods from the first that changed (most events change
     * none: a commencement, a variation, a review point); the parties are written with the registration. Many
     * contracts (each once) with a few batched statements: the register rows upserted, the registered contracts'
     * parties replaced, the stored state periods read in one query and only those that changed
     * deleted and inserted. In a batch into emptied tables ({@link ProcessorBatch#intoEmptyTables()}) nothing is
     * stored for these contracts yet, so nothing is deleted or read back first, and the register rows, parties and
     * state periods are copied in ({@link CopyRows}).
     */
    void writeAll(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<RegisterRow> registerRows = new ArrayList<>(writes.size());
        List<String> registered = new ArrayList<>();
        // a party named twice in a contract (or in two cases) is one row
        Set<PartyRow> parties = new LinkedHashSet<>();
        Map<String, List<StatePeriods.Period>> wantedPeriods = new LinkedHashMap<>();
        Map<String, String> kinds = new HashMap<>();
        for (Write write : writes) {
            ContractRegistered registration = write.timeline().registration();
            String id = registration.contractId().value();
            String kind = registration.kind().name();
            StatePeriods.Result periods = StatePeriods.of(write.timeline());
            registerRows.add(new RegisterRow(id, registration.title(), kind, registration.terms().startDate(),
                    json.writeValueAsString(registration.commissioners()),
                    json.writeValueAsString(registration.providers()), write.version(), periods.until()));
            if (write.registration()) {
                registered.add(id);
                addParties(parties, COMMISSIONER, registration.commissioners(), id);
                addParties(parties, PROVIDER, registration.providers(), id);
            }
            wantedPeriods.put(id, periods.periods());
            kinds.put(id, kind);
        }
        boolean empty = ProcessorBatch.intoEmptyTables();
        if (empty) {
            CopyRows.copy(jdbc, REGISTER_ROWS, registerRows);
            CopyRows.copy(jdbc, PARTY_ROWS, parties);
        } else {
            jdbc.batchUpdate("""
                    insert into contract_register (contract_id, title, kind, start_date, commissioners, providers,
                                                   version, periods_until)
                    values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)
                    on conflict (contract_id) do update set title = excluded.title, kind = excluded.kind,
                        start_date = excluded.start_date, commissioners = excluded.commissioners,
                        providers = excluded.providers, version = excluded.version,
                        periods_until = excluded.periods_until
                    """, registerRows.stream().map(RegisterRow::values).toList());
            if (!registered.isEmpty()) {
                jdbc.update(con -> {
                    var delete = con.prepareStatement(
                            "delete from contract_register_party where contract_id = any(?)");
                    delete.setArray(1, con.createArrayOf("varchar", registered.toArray()));
                    return delete;
                });
                jdbc.batchUpdate("insert into contract_register_party (role, name_key, contract_id) values (?, ?, ?) "
                        + "on conflict do nothing", parties.stream()
                        .map(party -> new Object[]{party.role(), party.nameKey(), party.contractId()}).toList());
            }
        }

        Map<String, List<StatePeriods.Period>> storedPeriods = empty ? Map.of() : storedPeriods(wantedPeriods.keySet());
        List<Object[]> deletes = new ArrayList<>();
        List<PeriodRow> inserts = new ArrayList<>();
        wantedPeriods.forEach((id, wanted) -> {
            List<StatePeriods.Period> stored = storedPeriods.getOrDefault(id, List.of());
            int same = 0;
            while (same < stored.size() && same < wanted.size() && stored.get(same).equals(wanted.get(same))) {
                same++;
            }
            if (same < stored.size()) {
                // the periods are contiguous: the first that changed starts where the last unchanged one ended
                deletes.add(new Object[]{id, stored.get(same).from()});
            }
            String kind = kinds.get(id);
            for (StatePeriods.Period p : wanted.subList(same, wanted.size())) {
                inserts.add(new PeriodRow(id, p, kind));
            }
        });
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("delete from contract_state_period where contract_id = ? and from_date >= ?", deletes);
        }
        if (empty) {
            CopyRows.copy(jdbc, PERIOD_ROWS, inserts);
        } else if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into contract_state_period (" + PERIOD_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)",
                    inserts.stream().map(PeriodRow::values).toList());
        }
    }

    /** The stored state periods of these contracts, each contract's in order. */
    private Map<String, List<StatePeriods.Period>> storedPeriods(Collection<String> ids) {
        Map<String, List<StatePeriods.Period>> stored = new HashMap<>();
        jdbc.query(con -> {
            var select = con.prepareStatement("select contract_id, from_date, to_date, status, phase, end_date "
                    + "from contract_state_period where contract_id = any(?) order by contract_id, from_date");
            select.setArray(1, con.createArrayOf("varchar", ids.toArray()));
            return select;
        }, rs -> {
            stored.computeIfAbsent(rs.getString("contract_id"), key -> new ArrayList<>())
                    .add(new StatePeriods.Period(rs.getObject("from_date", LocalDate.class),
                            rs.getObject("to_date", LocalDate.class), ContractStatus.valueOf(rs.getString("status")),
                            rs.getString("phase") == null ? null : ContractPhase.valueOf(rs.getString("phase")),
                            rs.getObject("end_date", LocalDate.class)));
        });
        return stored;
    }

    private static void addParties(Set<PartyRow> rows, String role, List<Party> parties, String id) {
        for (Party party : parties) {
            rows.add(new PartyRow(role, nameKey(party.name()), id));
        }
    }

    void clear() {
        jdbc.update("delete from contract_state_period");
        jdbc.update("delete from contract_register_party");
        jdbc.update("delete from contract_register");
    }
}
