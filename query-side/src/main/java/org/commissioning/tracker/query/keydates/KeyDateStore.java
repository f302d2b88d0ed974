package org.commissioning.tracker.query.keydates;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.commissioning.tracker.query.events.CopyRows;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.commissioning.tracker.shared.keydates.DateSeries;
import org.commissioning.tracker.shared.keydates.FindKeyDates;
import org.commissioning.tracker.shared.keydates.KeyDateKind;
import org.commissioning.tracker.shared.keydates.KeyDateSchedule;
import org.commissioning.tracker.shared.keydates.ScheduledDate;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The key-dates tables in SQL: replacing subjects' obligations, and reading a window. Plain JDBC rather than JPA: the
 * writes are many subjects' rows replaced in a few statements (arrays unnested by PostgreSQL), the reads one ordered
 * index range with array filters.
 */
@Component
class KeyDateStore {

    private static final String COLUMNS = "select k.date, k.subject_id, k.kind, k.subject_type, k.ordinal, k.title, k.detail"
            + " from key_date k where k.date between :from and :to";
    private static final String ORDER = " order by k.date, k.subject_id, k.kind, k.subject_type, k.ordinal";
    /** A key date's columns as written, in the order of a row's values. */
    private static final String KEY_DATE_COLUMNS = "date, subject_id, kind, subject_type, ordinal, title, detail, parties";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final KeyDateCounts counters;

    KeyDateStore(JdbcTemplate jdbc, KeyDateCounts counters) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.counters = counters;
    }

    // ------------------------------------------------------------------------------------------------ writes

    /** The aggregate version projected for a subject, or −1. */
    long versionOf(String type, String id) {
        return versionsOf(type, List.of(id)).getOrDefault(id, -1L);
    }

    /** The aggregate versions projected for these subjects (those not projected are missing). */
    Map<String, Long> versionsOf(String type, List<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.query(con -> {
            var select = con.prepareStatement(
                    "select subject_id, version from key_date_subject where subject_type = ? and subject_id = any(?)");
            select.setString(1, type);
            select.setArray(2, con.createArrayOf("text", ids.toArray()));
            return select;
        }, rs -> {
            versions.put(rs.getString(1), rs.getLong(2));
        });
        return versions;
    }

    /** Records that these subjects' rows, unchanged, stand for these later versions of their aggregates. */
    void moveVersions(String type, Map<String, Long> versions) {
        if (versions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("update key_date_subject set version = ? where subject_type = ? and subject_id = ?"
                + " and version < ?", List.copyOf(versions.entrySet()), 500, (ps, version) -> {
            ps.setLong(1, version.getValue());
            ps.setString(2, type);
            ps.setString(3, version.getKey());
            ps.setLong(4, version.getValue());
        });
    }

    /** A subject's obligations as of {@code version} of its aggregate. */
    record Replacement(Subject subject, long version, KeyDateSchedule schedule) {
    }

    /**
     * Replaces everything stored for these subjects: their single dates, their series, and the series' occurrences
     * within {@code materialised}. In a batch into emptied tables ({@link ProcessorBatch#intoEmptyTables()}) the
     * subjects have nothing stored yet (see {@link #insertFresh}), so nothing is deleted first.
     */
    void replace(List<Replacement> replacements, KeyDateHorizon.Materialised materialised) {
        if (replacements.isEmpty()) {
            return;
        }
        boolean fresh = ProcessorBatch.intoEmptyTables();
        KeyDateCounts.Counts counts = new KeyDateCounts.Counts();
        if (!fresh) {
            delete(replacements, counts);
        }
        jdbc.batchUpdate("""
                insert into key_date_subject (subject_type, subject_id, title, parties, version) values (?, ?, ?, ?, ?)
                on conflict (subject_type, subject_id) do update set title = excluded.title,
                    parties = excluded.parties, version = excluded.version""", replacements, 500, (ps, r) -> {
            ps.setString(1, r.subject().type());
            ps.setString(2, r.subject().id());
            ps.setString(3, r.subject().title());
            ps.setArray(4, ps.getConnection().createArrayOf("text", r.subject().parties().toArray()));
            ps.setLong(5, r.version());
        });
        List<Occurrence> rows = new ArrayList<>();
        List<SeriesOf> series = new ArrayList<>();
        LocalDate first = materialised.from() == null ? LocalDate.MIN : materialised.from();
        for (Replacement r : replacements) {
            for (ScheduledDate date : r.schedule().dates()) {
                rows.add(new Occurrence(r.subject().type(), r.subject().id(), date));
            }
            for (DateSeries each : r.schedule().series()) {
                series.add(new SeriesOf(r.subject().type(), r.subject().id(), each));
                for (ScheduledDate date : each.between(first, materialised.through())) {
                    rows.add(new Occurrence(r.subject().type(), r.subject().id(), date));
                }
            }
        }
        if (fresh) {
            insertFresh(rows, replacements, counts);
        } else {
            insertRows(rows, counts);
        }
        counters.apply(counts);
        jdbc.batchUpdate("""
                insert into key_date_series (subject_type, subject_id, kind, ordinal, shape, anchor, step, first_index,
                    first_date, last_index, last_date, notice, term, label, base_month, month_step, lag_min, lag_max)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", series, 500, (ps, s) -> {
            DateSeries each = s.series();
            ps.setString(1, s.subjectType());
            ps.setString(2, s.subjectId());
            ps.setString(3, each.kind().name());
            ps.setInt(4, each.ordinal());
            ps.setString(5, each.shape().name());
            ps.setDate(6, Date.valueOf(each.anchor()));
            ps.setString(7, each.step().toString());
            ps.setInt(8, each.firstIndex());
            ps.setDate(9, Date.valueOf(each.dateOf(each.firstIndex())));
            if (each.bounded()) {
                ps.setInt(10, each.lastIndex());
                ps.setDate(11, Date.valueOf(each.lastDate()));
            } else {
                ps.setNull(10, Types.INTEGER);
                ps.setNull(11, Types.DATE);
            }
            ps.setString(12, each.notice() == null ? null : each.notice().toString());
            ps.setString(13, each.term() == null ? null : each.term().toString());
            ps.setString(14, each.label());
            ps.setInt(15, month(each.point(each.firstIndex())));
            if (each.step().getDays() == 0) {
                ps.setInt(16, Math.toIntExact(each.step().toTotalMonths()));
            } else {
                ps.setNull(16, Types.INTEGER);
            }
            int[] lag = monthLag(each);
            ps.setInt(17, lag[0]);
            ps.setInt(18, lag[1]);
        });
    }

    /** Deletes everything stored for these subjects, counting the rows deleted. */
    private void delete(List<Replacement> replacements, KeyDateCounts.Counts counts) {
        Map<String, List<String>> idsByType = new HashMap<>();
        replacements.forEach(r -> idsByType.computeIfAbsent(r.subject().type(), t -> new ArrayList<>())
                .add(r.subject().id()));
        idsByType.forEach((type, ids) -> jdbc.execute((ConnectionCallback<Void>) con -> {
            Array array = con.createArrayOf("text", ids.toArray());
            try (var delete = con.prepareStatement(
                    "delete from key_date where subject_type = ? and subject_id = any(?) returning date, kind")) {
                delete.setString(1, type);
                delete.setArray(2, array);
                try (ResultSet deleted = delete.executeQuery()) {
                    while (deleted.next()) {
                        counts.add(deleted.getObject(1, LocalDate.class), deleted.getString(2), -1);
                    }
                }
            }
            try (var delete = con.prepareStatement(
                    "delete from key_date_series where subject_type = ? and subject_id = any(?)")) {
                delete.setString(1, type);
                delete.setArray(2, array);
                delete.executeUpdate();
            }
            return null;
        }));
    }

    /** A date's month as a number: year × 12 + month − 1. */
    static int month(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    /**
     * How many months before its point (renewal point, due date) an occurrence falls, at least and at most: none for
     * the points themselves; for a notice deadline {@code point − notice}, the notice's months and up to one more per
     * 28 days of it, or the month before when there is no notice (the day before the point).
     */
    private static int[] monthLag(DateSeries series) {
        if (series.shape() != DateSeries.Shape.NON_RENEWAL_DEADLINES) {
            return new int[] {0, 0};
        }
        Period notice = series.notice() == null ? Period.ZERO : series.notice();
        if (notice.isZero()) {
            return new int[] {0, 1};
        }
        int months = Math.toIntExact(notice.toTotalMonths());
        return new int[] {months, months + (notice.getDays() + 27) / 28};
    }

    /** A dated obligation of a subject, to be written as a row. */
    record Occurrence(String subjectType, String subjectId, ScheduledDate date) {
    }

    record SeriesOf(String subjectType, String subjectId, DateSeries series) {
    }

    /**
     * Writes the rows of subjects in a batch into emptied tables ({@link ProcessorBatch#intoEmptyTables()}, the bulk
     * rebuild's): nothing can be there already, since the rebuild cleared the tables and writes each subject once (a
     * subject's rows are written by its own aggregate's events, a batch never splits an aggregate, and a batch flushes
     * each subject once). The rows are copied in ({@link CopyRows}) with their subjects' titles and parties as the
     * replacements give them (the subjects' rows just written), without looking for a conflict, and counted here: in
     * the benchmark suite's 20,000-contract rebuild, inserted rather than upserted, these rows took 10.3 s of
     * PostgreSQL's time instead of 12.9. Of rows repeating a key only the first is written, as the general
     * statement's {@code on conflict do nothing} would write one.
     */
    private void insertFresh(List<Occurrence> rows, List<Replacement> replacements, KeyDateCounts.Counts counts) {
        Map<String, Subject> subjects = new HashMap<>();
        replacements.forEach(r -> subjects.put(r.subject().type() + '\u0000' + r.subject().id(), r.subject()));
        Set<Key> keys = new HashSet<>();
        List<CopiedRow> unique = new ArrayList<>();
        for (Occurrence row : rows) {
            if (keys.add(new Key(row))) {
                unique.add(new CopiedRow(row, subjects.get(row.subjectType() + '\u0000' + row.subjectId())));
            }
        }
        CopyRows.copy(jdbc, COPIED_ROWS, unique);
        unique.forEach(copied -> counts.add(copied.row().date().date(), copied.row().date().kind().name(), 1));
    }

    /** A key date's row as copied: the occurrence, and its subject's title and parties. */
    private record CopiedRow(Occurrence row, Subject subject) {
    }

    /** A key date's columns, for a copy. */
    private static final class CopiedRows extends CopyRows.Table<CopiedRow> {
        CopiedRows() {
            super("key_date");
            mapDate("date", copied -> copied.row().date().date());
            mapText("subject_id", copied -> copied.row().subjectId());
            mapText("kind", copied -> copied.row().date().kind().name());
            mapText("subject_type", copied -> copied.row().subjectType());
            mapIntegerPrimitive("ordinal", copied -> copied.row().date().ordinal());
            mapText("title", copied -> copied.subject().title());
            mapText("detail", copied -> copied.row().date().detail());
            mapTextArray("parties", copied -> copied.subject().parties());
        }
    }

    private static final CopiedRows COPIED_ROWS = new CopiedRows();

    /** A row's primary key. */
    private record Key(LocalDate date, String subjectId, KeyDateKind kind, String subjectType, int ordinal) {
        Key(Occurrence row) {
            this(row.date().date(), row.subjectId(), row.date().kind(), row.subjectType(), row.date().ordinal());
        }
    }

    /**
     * Writes rows in one statement, the subjects' titles and parties copied from {@code key_date_subject}: a row
     * already there is left as it is, and those written are counted.
     */
    void insertRows(List<Occurrence> rows, KeyDateCounts.Counts counts) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            int n = rows.size();
            Object[] dates = new Object[n];
            Object[] ids = new Object[n];
            Object[] kinds = new Object[n];
            Object[] types = new Object[n];
            Object[] ordinals = new Object[n];
            Object[] details = new Object[n];
            for (int i = 0; i < n; i++) {
                Occurrence row = rows.get(i);
                dates[i] = Date.valueOf(row.date().date());
                ids[i] = row.subjectId();
                kinds[i] = row.date().kind().name();
                types[i] = row.subjectType();
                ordinals[i] = row.date().ordinal();
                details[i] = row.date().detail();
            }
            try (var insert = con.prepareStatement("""
                    insert into key_date (%s)
                    select u.date, u.subject_id, u.kind, u.subject_type, u.ordinal, s.title, u.detail, s.parties
                    from unnest(?::date[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[])
                        as u(date, subject_id, kind, subject_type, ordinal, detail)
                    join key_date_subject s on s.subject_type = u.subject_type and s.subject_id = u.subject_id
                    on conflict do nothing returning date, kind""".formatted(KEY_DATE_COLUMNS))) {
                insert.setArray(1, con.createArrayOf("date", dates));
                insert.setArray(2, array(con, ids));
                insert.setArray(3, array(con, kinds));
                insert.setArray(4, array(con, types));
                insert.setArray(5, con.createArrayOf("int4", ordinals));
                insert.setArray(6, array(con, details));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        counts.add(inserted.getObject(1, LocalDate.class), inserted.getString(2), 1);
                    }
                }
            }
            return null;
        });
    }

    private static Array array(Connection con, Object[] values) throws SQLException {
        return con.createArrayOf("text", values);
    }

    /** A series as stored, with the subject it belongs to. */
    record StoredSeries(String subjectType, String subjectId, DateSeries series) {
    }

    private static final RowMapper<StoredSeries> SERIES = (rs, n) -> new StoredSeries(rs.getString("subject_type"),
            rs.getString("subject_id"), new DateSeries(
            DateSeries.Shape.valueOf(rs.getString("shape")), KeyDateKind.valueOf(rs.getString("kind")),
            rs.getInt("ordinal"), rs.getObject("anchor", LocalDate.class), period(rs.getString("step")),
            rs.getInt("first_index"), (Integer) rs.getObject("last_index"), period(rs.getString("notice")),
            period(rs.getString("term")), rs.getString("label")));

    /** Periods parsed once: a portfolio uses a handful (P1Y, P3M...). */
    private static final Map<String, Period> PERIODS = new ConcurrentHashMap<>();

    private static Period period(String iso) {
        return iso == null ? null : PERIODS.computeIfAbsent(iso, Period::parse);
    }

    /**
     * Every series (that passes the filter) that may have occurrences after {@code after} and on or before
     * {@code upTo}: those still running after {@code after}, and, when their step is whole months, only those with an
     * occurrence in a month of the window; the caller expands them exactly.
     */
    List<StoredSeries> seriesReaching(LocalDate after, LocalDate upTo, FindKeyDates filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("after", after).addValue("upTo", upTo)
                .addValue("m1", month(after.plusDays(1))).addValue("m2", month(upTo));
        String where = filters(filter, parameters, null);
        return named.query("""
                select k.subject_type, k.subject_id, k.kind, k.ordinal, k.shape, k.anchor, k.step, k.first_index,
                    k.last_index, k.notice, k.term, k.label
                from key_date_series k
                where (k.last_date is null or k.last_date > :after) and k.first_date <= :upTo
                  and (k.month_step is null or greatest(:m1 + k.lag_min, k.base_month)
                        + mod(mod(k.base_month - greatest(:m1 + k.lag_min, k.base_month), k.month_step) + k.month_step,
                              k.month_step) <= :m2 + k.lag_max)""" + where, parameters, SERIES);
    }

    /** The titles of these subjects. */
    Map<String, String> titles(String type, Collection<String> ids) {
        Map<String, String> titles = new HashMap<>();
        if (ids.isEmpty()) {
            return titles;
        }
        jdbc.query(con -> {
            var select = con.prepareStatement(
                    "select subject_id, title from key_date_subject where subject_type = ? and subject_id = any(?)");
            select.setString(1, type);
            select.setArray(2, con.createArrayOf("text", ids.toArray()));
            return select;
        }, rs -> {
            titles.put(rs.getString(1), rs.getString(2));
        });
        return titles;
    }

    /** Writes the occurrences of every series from after {@code after} up to {@code to} as rows; answers how many. */
    int materialise(LocalDate after, LocalDate to) {
        List<Occurrence> rows = new ArrayList<>();
        jdbc.query("""
                select k.* from key_date_series k
                where (k.last_date is null or k.last_date > ?) and k.first_date <= ?""", rs -> {
            StoredSeries stored = SERIES.mapRow(rs, 0);
            for (ScheduledDate date : stored.series().between(after.plusDays(1), to)) {
                rows.add(new Occurrence(stored.subjectType(), stored.subjectId(), date));
            }
        }, Date.valueOf(after), Date.valueOf(to));
        KeyDateCounts.Counts counts = new KeyDateCounts.Counts();
        for (int from = 0; from < rows.size(); from += 10_000) {
            insertRows(rows.subList(from, Math.min(rows.size(), from + 10_000)), counts);
        }
        counters.apply(counts);
        return rows.size();
    }

    void clear() {
        jdbc.update("delete from key_date_count");
        jdbc.update("delete from key_date");
        jdbc.update("delete from key_date_series");
        jdbc.update("delete from key_date_subject");
    }

    // ------------------------------------------------------------------------------------------------ reads

    private static final RowMapper<KeyDateRow> ROW = (rs, n) -> row(rs);

    private static KeyDateRow row(ResultSet rs) throws SQLException {
        return new KeyDateRow(rs.getObject("date", LocalDate.class), rs.getString("subject_id"), rs.getString("kind"),
                rs.getString("subject_type"), rs.getInt("ordinal"), rs.getString("title"), rs.getString("detail"));
    }

    /** One page of the rows in a window, and how many rows pass the filter in all. */
    record Window(List<KeyDateRow> rows, long total) {
    }

    /**
     * One page of the rows in {@code [from, to]} that pass the filter, in the list's order, and their count: one
     * statement (one snapshot, one round trip); the page is read along the primary key, the count from the index.
     */
    Window window(FindKeyDates query, LocalDate from, LocalDate to, long offset, int limit) {
        MapSqlParameterSource parameters = window(from, to).addValue("limit", limit).addValue("offset", offset);
        String where = " where k.date between :from and :to" + filters(query, parameters, "k");
        String sql;
        if (query.commissioner() == null && query.provider() == null && query.contractId() == null
                && query.procurementId() == null) {
            // counted per day and kind (KeyDateCounts): a window's count is a few hundred counters at most
            sql = "select c.total, p.* from (select coalesce(sum(k.n), 0) as total from key_date_count k"
                    + " where k.date between :from and :to" + (query.kinds().isEmpty() ? "" : " and k.kind in (:kinds)")
                    + ") c"
                    + " left join lateral (select k.date, k.subject_id, k.kind, k.subject_type, k.ordinal, k.title,"
                    + " k.detail from key_date k" + where + ORDER + " limit :limit offset :offset) p on true";
        } else if (query.commissioner() == null && query.provider() == null) {
            sql = "select c.total, p.* from (select count(*) as total from key_date k" + where + ") c"
                    + " left join lateral (select k.date, k.subject_id, k.kind, k.subject_type, k.ordinal, k.title,"
                    + " k.detail from key_date k" + where + ORDER + " limit :limit offset :offset) p on true";
        } else { // a party's rows are found once (the GIN index and the date range together), counted and paged
            sql = "with m as materialized (select k.date, k.subject_id, k.kind, k.subject_type, k.ordinal"
                    + " from key_date k" + where + ")"
                    + " select c.total, p.* from (select count(*) as total from m) c"
                    + " left join lateral (select k.date, k.subject_id, k.kind, k.subject_type, k.ordinal, k.title,"
                    + " k.detail from (select * from m k" + ORDER + " limit :limit offset :offset) x"
                    + " join key_date k using (date, subject_id, kind, subject_type, ordinal)) p on true";
        }
        List<KeyDateRow> rows = new ArrayList<>(limit);
        long[] total = {0};
        named.query(sql + " order by p.date, p.subject_id, p.kind, p.subject_type, p.ordinal", parameters, rs -> {
            total[0] = rs.getLong("total");
            if (rs.getObject("date") != null) {
                rows.add(row(rs));
            }
        });
        return new Window(rows, total[0]);
    }

    /** Every row in {@code [from, to]} that passes the filter, in the list's order. */
    List<KeyDateRow> all(FindKeyDates query, LocalDate from, LocalDate to) {
        MapSqlParameterSource parameters = window(from, to);
        return named.query(COLUMNS + filters(query, parameters, "k") + ORDER, parameters, ROW);
    }

    private static MapSqlParameterSource window(LocalDate from, LocalDate to) {
        return new MapSqlParameterSource("from", from).addValue("to", to);
    }

    /**
     * The filters as SQL on {@code k} ({@code key_date} or {@code key_date_series}); the parties are those copied into
     * the rows ({@code partiesOf} "k") or, for series ({@code partiesOf} null), the subject's.
     */
    private static String filters(FindKeyDates query, MapSqlParameterSource parameters, String partiesOf) {
        StringBuilder where = new StringBuilder();
        if (!query.kinds().isEmpty()) {
            where.append(" and k.kind in (:kinds)");
            parameters.addValue("kinds", query.kinds().stream().map(Enum::name).sorted().toList());
        }
        if (query.contractId() != null) {
            where.append(" and k.subject_type = '").append(Subject.CONTRACT).append("' and k.subject_id = :contractId");
            parameters.addValue("contractId", query.contractId());
        }
        if (query.procurementId() != null) {
            where.append(" and k.subject_type = '").append(Subject.PROCUREMENT)
                    .append("' and k.subject_id = :procurementId");
            parameters.addValue("procurementId", query.procurementId());
        }
        List<String> parties = new ArrayList<>();
        if (query.commissioner() != null) {
            parties.add(Subject.commissioner(query.commissioner()));
        }
        if (query.provider() != null) {
            parties.add(Subject.provider(query.provider()));
        }
        if (!parties.isEmpty()) {
            where.append(partiesOf != null ? " and " + partiesOf + ".parties @> cast(:parties as text[])"
                    : " and exists (select 1 from key_date_subject s where s.subject_type = k.subject_type"
                    + " and s.subject_id = k.subject_id and s.parties @> cast(:parties as text[]))");
            parameters.addValue("parties", "{" + String.join(",", parties.stream().map(KeyDateStore::quoted).toList()) + "}");
        }
        return where.toString();
    }

    /** An element of a PostgreSQL array literal, quoted. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
