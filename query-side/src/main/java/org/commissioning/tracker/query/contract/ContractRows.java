package org.commissioning.tracker.query.contract;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commissioning.tracker.query.events.CopyRows;
import org.commissioning.tracker.query.events.EventCodec;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.commissioning.tracker.query.events.RecordedEventRowsSql;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contract projection's own rows ({@code contract_event_view}, {@code contract_view}) written in SQL, a batch of
 * events at a time: batched statements (which the PostgreSQL driver sends as multi-row inserts when
 * {@code reWriteBatchedInserts} is on) rather than one JPA save per event. Reads stay with the JPA repositories.
 */
@Component
class ContractRows {

    /** An event as the processor handed it over, with the metadata the history shows. */
    record Recorded(String contractId, long sequence, ContractEvent event, String type, String payload,
                    Instant recordedAt, String recordedBy, String reason, String correlationId) {
    }

    /**
     * What a batch does to a contract's summary row: a registration (re)writes the row with {@code version};
     * otherwise (registration null) an existing row's version is raised to at least {@code version}.
     */
    record ViewChange(String contractId, ContractRegistered registration, long version) {
    }

    /** A contract's stored events in sequence order and the last sequence stored. */
    record Stored(List<ContractEvent> events, long lastSequence) {
    }

    private final JdbcTemplate jdbc;

    ContractRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last sequence stored per contract (contracts with none are missing). */
    Map<String, Long> lastSequences(List<String> ids) {
        Map<String, Long> last = new HashMap<>();
        jdbc.query(con -> {
            var select = con.prepareStatement("select contract_id, max(sequence) from contract_event_view "
                    + "where contract_id = any(?) group by contract_id");
            select.setArray(1, con.createArrayOf("varchar", ids.toArray()));
            return select;
        }, rs -> {
            last.put(rs.getString(1), rs.getLong(2));
        });
        return last;
    }

    /** Stores the events, each overwriting its own row if seen before (the last of duplicates wins). */
    void saveEvents(List<Recorded> events) {
        RecordedEventRowsSql.store(jdbc, "contract_event_view", "contract_id", events.stream()
                .map(e -> new RecordedEventRowsSql.Row(e.contractId(), e.sequence(), e.type(), e.event().effectiveOn(),
                        e.recordedAt(), e.recordedBy(), e.reason(), e.correlationId(), e.payload()))
                .toList());
    }

    /** A registration's summary row's columns, for a copy into an emptied table. */
    private static final class ViewRows extends CopyRows.Table<ViewChange> {
        ViewRows() {
            super("contract_view");
            mapText("contract_id", ViewChange::contractId);
            mapText("title", change -> change.registration().title());
            mapText("kind", change -> change.registration().kind().name());
            mapDate("awarded_on", change -> change.registration().awardedOn());
            mapDate("start_date", change -> change.registration().terms().startDate());
            mapText("procurement_id", change -> change.registration().procurementId() == null ? null
                    : change.registration().procurementId().value());
            mapLongPrimitive("version", ViewChange::version);
        }
    }

    private static final ViewRows VIEW_ROWS = new ViewRows();

    /**
     * Applies the batch's changes to the contracts' summary rows; in a batch into emptied tables
     * ({@link ProcessorBatch#intoEmptyTables()}) the registrations are copied in ({@link CopyRows}).
     */
    void applyViews(List<ViewChange> changes) {
        List<ViewChange> registrations = new ArrayList<>();
        List<Object[]> advances = new ArrayList<>();
        for (ViewChange change : changes) {
            if (change.registration() != null) {
                registrations.add(change);
            } else {
                advances.add(new Object[]{change.version(), change.contractId()});
            }
        }
        if (ProcessorBatch.intoEmptyTables()) {
            CopyRows.copy(jdbc, VIEW_ROWS, registrations);
        } else {
            jdbc.batchUpdate("""
                    insert into contract_view (contract_id, title, kind, awarded_on, start_date, procurement_id,
                                               version)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (contract_id) do update set title = excluded.title, kind = excluded.kind,
                        awarded_on = excluded.awarded_on, start_date = excluded.start_date,
                        procurement_id = excluded.procurement_id, version = excluded.version""",
                    registrations, 1_000, (ps, change) -> {
                        ContractRegistered registered = change.registration();
                        ps.setString(1, change.contractId());
                        ps.setString(2, registered.title());
                        ps.setString(3, registered.kind().name());
                        ps.setObject(4, registered.awardedOn());
                        ps.setObject(5, registered.terms().startDate());
                        if (registered.procurementId() == null) {
                            ps.setNull(6, Types.VARCHAR);
                        } else {
                            ps.setString(6, registered.procurementId().value());
                        }
                        ps.setLong(7, change.version());
                    });
        }
        if (!advances.isEmpty()) {
            jdbc.batchUpdate("update contract_view set version = greatest(version, ?) where contract_id = ?", advances);
        }
    }

    /** The contracts' stored events, each contract's in sequence order. */
    Map<String, Stored> histories(List<String> ids, EventCodec<ContractEvent> codec) {
        Map<String, List<ContractEvent>> events = new LinkedHashMap<>();
        Map<String, Long> last = new HashMap<>();
        jdbc.query(con -> {
            var select = con.prepareStatement("select contract_id, sequence, type, payload from contract_event_view "
                    + "where contract_id = any(?) order by contract_id, sequence");
            select.setArray(1, con.createArrayOf("varchar", ids.toArray()));
            return select;
        }, rs -> {
            String id = rs.getString(1);
            events.computeIfAbsent(id, key -> new ArrayList<>()).add(codec.read(rs.getString(3), rs.getString(4)));
            last.put(id, rs.getLong(2));
        });
        Map<String, Stored> stored = new LinkedHashMap<>();
        events.forEach((id, list) -> stored.put(id, new Stored(list, last.get(id))));
        return stored;
    }
}
