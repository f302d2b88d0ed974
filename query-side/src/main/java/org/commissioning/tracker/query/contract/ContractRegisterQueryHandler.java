package org.commissioning.tracker.query.contract;

import org.commissioning.tracker.query.events.EventCodec;
import org.commissioning.tracker.shared.contract.ContractEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractPhase;
import org.commissioning.tracker.shared.contract.ContractRegisterQueries.ContractRegister;
import org.commissioning.tracker.shared.contract.ContractRegisterQueries.ContractSummary;
import org.commissioning.tracker.shared.contract.ContractRegisterQueries.GetContractRegister;
import org.commissioning.tracker.shared.contract.ContractState;
import org.commissioning.tracker.shared.contract.ContractStatus;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register without folding contracts per request. With no filter on the state, the count and the page come from the
 * register's rows (by primary key, or the kind index; parties through theirs) and only the page's contracts are looked
 * up in their state periods. With a status or end-date filter, the contracts come from the state periods covering the
 * date (a range lookup through an SP-GiST index, partial for ACTIVE), filtered on status, end date and kind in the same
 * rows. Either way sorted by id and paged in the database. Only contracts whose periods stop short of the date
 * (unbounded rolling renewals far in the future, see {@link StatePeriods}) are folded.
 */
@Component
class ContractRegisterQueryHandler {

    private static final TypeReference<List<Party>> PARTIES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ContractEventRows rows;
    private final EventCodec<ContractEvent> codec;
    private final JsonMapper json;

    ContractRegisterQueryHandler(NamedParameterJdbcTemplate jdbc, ContractEventRows rows, EventCodec<ContractEvent> codec,
                                 JsonMapper json) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.codec = codec;
        this.json = json;
    }

    /** A contract on the page: its state as of the date, from its period or folded. */
    private record Shown(String id, ContractStatus status, ContractPhase phase, LocalDate endDate) {
    }

    @QueryHandler
    @Transactional(readOnly = true)
    ContractRegister handle(GetContractRegister query) {
        // How selective a filter is depends on its values (a date most periods cover, a commissioner with a few hundred
        // contracts), so plan each query with them: after five executions PostgreSQL may reuse a generic plan of the
        // prepared statement, which for the filtered page chose a bitmap AND with the range index (then GiST), 3.7 s
        // instead of 17 ms at 10,000 contracts (the suite's filtered register page). Planning each time costs about a
        // millisecond. For this transaction only.
        jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
        MapSqlParameterSource parameters = new MapSqlParameterSource("asOf", query.asOf())
                .addValue("size", query.size()).addValue("offset", (long) query.page() * query.size());
        StringBuilder parties = new StringBuilder();
        party(parties, parameters, RegisterTables.COMMISSIONER, "commissioner", query.commissioner());
        party(parties, parameters, RegisterTables.PROVIDER, "provider", query.provider());
        if (query.kind() != null) {
            parameters.addValue("kind", query.kind().name());
        }
        boolean byState = query.status() != null || query.endingBefore() != null;
        long[] total = {-1};
        List<Shown> page = byState ? byState(query, parameters, parties, total)
                : everyContract(query, parameters, parties, total);
        return new ContractRegister(query.asOf(), summaries(page), query.page(), query.size(), total[0]);
    }

    /**
     * No filter on the state: every contract passing the kind and party filters is listed, so the count and the page
     * come from the register's rows (in id order, through the primary key or the kind index), and only the page's
     * contracts are looked up in their periods (or folded).
     */
    private List<Shown> everyContract(GetContractRegister query, MapSqlParameterSource parameters,
                                      CharSequence parties, long[] total) {
        String where = "where true" + (query.kind() == null ? "" : " and r.kind = :kind") + parties;
        Long count = jdbc.queryForObject("select count(*) from contract_register r " + where, parameters, Long.class);
        total[0] = count == null ? 0 : count;
        List<String> ids = jdbc.queryForList("select r.contract_id from contract_register r " + where
                + " order by r.contract_id limit :size offset :offset", parameters, String.class);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Shown> found = new HashMap<>();
        jdbc.query("""
                select contract_id, status, phase, end_date from contract_state_period
                where contract_id in (:ids) and daterange(from_date, to_date, '[)') @> cast(:asOf as date)
                """, new MapSqlParameterSource("ids", ids).addValue("asOf", query.asOf()),
                (ResultSet rs) -> {
                    Shown shown = shown(rs);
                    found.put(shown.id(), shown);
                });
        List<Shown> page = new ArrayList<>();
        for (String id : ids) {
            Shown shown = found.get(id);
            page.add(shown != null ? shown : fold(id, query.asOf()));
        }
        return page;
    }

    /**
     * A filter on the state: the contracts come from the state periods covering the date (a range lookup through the
     * SP-GiST index, partial for ACTIVE), filtered on status, end date and kind in the same rows, parties through their
     * index; the few contracts whose periods stop short of the date are folded first and added by id.
     */
    private List<Shown> byState(GetContractRegister query, MapSqlParameterSource parameters, CharSequence parties,
                                long[] total) {
        StringBuilder where = new StringBuilder("daterange(r.from_date, r.to_date, '[)') @> cast(:asOf as date)");
        if (query.status() != null) {
            where.append(" and r.status = :status");
            parameters.addValue("status", query.status().name());
        }
        if (query.endingBefore() != null) {
            where.append(" and r.end_date < :endingBefore");
            parameters.addValue("endingBefore", query.endingBefore());
        }
        if (query.kind() != null) {
            where.append(" and r.kind = :kind");
        }
        where.append(parties);

        Map<String, Shown> folded = foldBeyondTheirPeriods(query, parameters, parties);
        String union = "";
        if (!folded.isEmpty()) {
            union = " union all select r.contract_id, null, null, null from contract_register r "
                    + "where r.contract_id in (:folded)";
            parameters.addValue("folded", folded.keySet());
        }
        String matching = "select r.contract_id, r.status, r.phase, r.end_date from contract_state_period r where "
                + where + union;
        List<Shown> page = jdbc.query("select m.*, count(*) over () as total from (" + matching + ") m "
                + "order by m.contract_id limit :size offset :offset", parameters, (rs, n) -> {
            total[0] = rs.getLong("total");
            Shown shown = shown(rs);
            return folded.getOrDefault(shown.id(), shown);
        });
        if (total[0] < 0) {
            // an empty page: count on its own (a page past the end still tells how many there are)
            Long count = jdbc.queryForObject("select count(*) from (" + matching + ") m", parameters, Long.class);
            total[0] = count == null ? 0 : count;
        }
        return page;
    }

    private List<ContractSummary> summaries(List<Shown> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, ContractSummary> byId = new HashMap<>();
        Map<String, Shown> shown = new HashMap<>();
        page.forEach(s -> shown.put(s.id(), s));
        jdbc.query("""
                select contract_id, title, kind, start_date, commissioners::text as commissioners,
                       providers::text as providers, version
                from contract_register where contract_id in (:ids)
                """, new MapSqlParameterSource("ids", shown.keySet()), (ResultSet rs) -> {
            String id = rs.getString("contract_id");
            Shown state = shown.get(id);
            byId.put(id, new ContractSummary(id, rs.getString("title"), ContractKind.valueOf(rs.getString("kind")),
                    state.status(), state.phase(), rs.getObject("start_date", LocalDate.class), state.endDate(),
                    json.readValue(rs.getString("commissioners"), PARTIES),
                    json.readValue(rs.getString("providers"), PARTIES), rs.getLong("version")));
        });
        return page.stream().map(s -> byId.get(s.id())).toList();
    }

    private static Shown shown(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new Shown(rs.getString("contract_id"), status == null ? null : ContractStatus.valueOf(status),
                phase(rs.getString("phase")), rs.getObject("end_date", LocalDate.class));
    }

    private Shown fold(String id, LocalDate asOf) {
        ContractState state = timeline(id).asOf(asOf);
        return new Shown(id, state.status(), state.phase(), state.endDate());
    }

    private ContractTimeline timeline(String id) {
        return ContractTimeline.of(rows.findByContractIdOrderBySequence(id).stream()
                .map(row -> codec.read(row.type(), row.payload())).toList());
    }

    private static void party(StringBuilder parties, MapSqlParameterSource parameters, String role, String name,
                              String value) {
        if (value == null) {
            return;
        }
        parties.append(" and exists (select 1 from contract_register_party x where x.role = '").append(role)
                .append("' and x.name_key = :").append(name).append(" and x.contract_id = r.contract_id)");
        parameters.addValue(name, RegisterTables.nameKey(value));
    }

    /**
     * The contracts (passing the kind and party filters) whose stored periods do not reach {@code asOf}, folded,
     * keeping those whose state matches the status and end-date filters.
     */
    private Map<String, Shown> foldBeyondTheirPeriods(GetContractRegister query, MapSqlParameterSource parameters,
                                                      CharSequence parties) {
        List<String> ids = jdbc.queryForList("select r.contract_id from contract_register r "
                + "where r.periods_until is not null and r.periods_until <= :asOf"
                + (query.kind() == null ? "" : " and r.kind = :kind") + parties, parameters, String.class);
        Map<String, Shown> matching = new HashMap<>();
        for (String id : ids) {
            Shown state = fold(id, query.asOf());
            if ((query.status() == null || state.status() == query.status())
                    && (query.endingBefore() == null || state.endDate().isBefore(query.endingBefore()))) {
                matching.put(id, state);
            }
        }
        return matching;
    }

    private static ContractPhase phase(String phase) {
        return phase == null ? null : ContractPhase.valueOf(phase);
    }
}
