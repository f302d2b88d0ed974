package org.commissioning.tracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.commissioning.tracker.query.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A primary key among the deferred indexes (the key dates', by default) is dropped with its constraint and added
 * again as the same constraint, by the rebuild's end or, if the rebuild died, at the next start; a plain index beside
 * it is still dropped and created as before.
 */
class DeferredPrimaryKeyTest {

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;
    static TransactionTemplate transactions;

    @BeforeAll
    static void database() throws IOException {
        postgres = MigratedDatabase.start();
        var dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void theKeyDatesPrimaryKeyIsDroppedWithItsConstraintAndAddedAgainAsItWas() {
        Map<String, Object> migrated = primaryKey();
        assertThat(migrated).containsEntry("contype", "p")
                .containsEntry("definition", "PRIMARY KEY (date, subject_id, kind, subject_type, ordinal)");
        String subjectIndex = indexDefinition("key_date_of_subject");
        DeferredIndexes deferred = new DeferredIndexes(jdbc, transactions, List.of("key_date_pkey",
                "key_date_of_subject"), "256MB");

        deferred.defer();
        assertThat(jdbc.queryForList("select conname from pg_constraint where conrelid = 'key_date'::regclass "
                + "and contype = 'p'", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("select to_regclass('key_date_pkey') is null and "
                + "to_regclass('key_date_of_subject') is null", Boolean.class)).isTrue();
        // rows written meanwhile, as the replay writes them, unique
        jdbc.update("insert into key_date (date, subject_id, kind, subject_type, ordinal, title, detail, parties) "
                + "values ('2030-03-31', 'C-1', 'END_OF_TERM', 'contract', 0, 'A', 'End of term', '{c:council}')");

        deferred.catchUp();
        assertThat(primaryKey()).isEqualTo(migrated);
        assertThat(indexDefinition("key_date_of_subject")).isEqualTo(subjectIndex);
        assertThat(jdbc.queryForObject("select count(*) from read_model_deferred_index", Long.class)).isZero();
        // the live path's upsert has its constraint again
        assertThat(jdbc.update("insert into key_date (date, subject_id, kind, subject_type, ordinal, title, detail, "
                + "parties) values ('2030-03-31', 'C-1', 'END_OF_TERM', 'contract', 0, 'A', 'End of term', "
                + "'{c:council}') on conflict do nothing")).isZero();

        // a rebuild died with the primary key dropped: the next start adds it
        new DeferredIndexes(jdbc, transactions, List.of("key_date_pkey"), "64MB").defer();
        assertThat(jdbc.queryForObject("select to_regclass('key_date_pkey') is null", Boolean.class)).isTrue();
        new DeferredIndexes(jdbc, transactions, List.of(), "64MB").restoreAtStart();
        assertThat(primaryKey()).isEqualTo(migrated);
    }

    @Test
    void anIndexBuildMemoryThatIsNotASizeIsRefusedAtStart() {
        assertThatThrownBy(() -> new DeferredIndexes(jdbc, transactions, List.of(), "256MB'; drop table key_date; --"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index-build-memory");
        assertThat(jdbc.queryForObject("select to_regclass('key_date') is not null", Boolean.class)).isTrue();
    }

    /** The key dates' primary key: its constraint's name, type and definition, and its index's definition. */
    private static Map<String, Object> primaryKey() {
        return jdbc.queryForMap("""
                select c.conname, c.contype::text as contype, pg_get_constraintdef(c.oid) as definition,
                       pg_get_indexdef(c.conindid) as index
                from pg_constraint c where c.conrelid = 'key_date'::regclass and c.contype = 'p'""");
    }

    private static String indexDefinition(String name) {
        return jdbc.queryForObject("select pg_get_indexdef(cast(? as text)::regclass)", String.class, name);
    }
}
