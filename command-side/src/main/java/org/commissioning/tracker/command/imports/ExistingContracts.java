package org.commissioning.tracker.command.imports;

import java.sql.Array;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which of an import's contracts are in the event store already: one select of their registrations. It runs on the
 * calling thread's connection, so inside that thread's transaction when there is one (the appender's, which then also
 * sees the chunks it appended itself).
 */
final class ExistingContracts {

    private final JdbcTemplate jdbc;

    ExistingContracts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The contracts (id to line) that exist, as {@code already_exists} errors at their lines, in line order. */
    List<ImportError> in(Map<String, Integer> lineOfContract) {
        if (lineOfContract.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> byAggregateId = ContractImporter.byAggregateId(lineOfContract);
        List<String> found = jdbc.execute((Connection connection) -> {
            Array ids = connection.createArrayOf("varchar", byAggregateId.keySet().toArray());
            try (var statement = connection.prepareStatement("""
                    select aggregate_identifier from domain_event_entry
                    where aggregate_identifier = any (?) and sequence_number = 0""")) {
                statement.setArray(1, ids);
                List<String> rows = new ArrayList<>();
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                return rows;
            } finally {
                ids.free();
            }
        });
        return found.stream()
                .map(id -> ContractImporter.alreadyExists(byAggregateId.get(id),
                        id.substring(id.indexOf(':') + 1), "registered before"))
                .sorted(Comparator.comparingInt(ImportError::line))
                .toList();
    }
}
