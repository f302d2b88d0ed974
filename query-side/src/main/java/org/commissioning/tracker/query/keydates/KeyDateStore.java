package org.commissioning.tracker.query.keydates;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.shared.keydates.DateSeries;
import org.commissioning.tracker.shared.keydates.FindKeyDates;
import org.commissioning.tracker.shared.keydates.KeyDateKind;
import org.commissioning.tracker.shared.keydates.KeyDateSchedule;
import org.commissioning.tracker.shared.keydates.ScheduledDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The key-dates tables in SQL: replacing one subject's obligations, and reading a window. Plain JDBC rather than JPA:
 * the writes are a subject's rows replaced in batches and the reads one ordered index range, with array filters.
 */
@Component
class KeyDateStore {

    private static final String ORDER = " order by k.date, k.subject_id, k.kind, k.subject_type, k.ordinal";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    KeyDateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    // ------------------------------------------------------------------------------------------------ writes

    /** The aggregate version projected for a subject, or −1. */
    long versionOf(String type, String id) {
        List<Long> versions = jdbc.queryForList(
                "select version from key_date_subject where subject_type = ? and subject_id = ?", Long.class, type, id);
        return versions.isEmpty() ? -1 : versions.getFirst();
    }

    /**
     * Replaces everything stored for {@code subject} with {@code schedule}: its single dates, its series, and their
     * occurrences up to {@code horizon}.
     */
    void replace(Subject subject, long version, KeyDateSchedule schedule, LocalDate horizon) {
        jdbc.update("delete from key_date where subject_id = ? and subject_type = ?", subject.id(), subject.type());
        jdbc.update("delete from key_date_series where subject_type = ? and subject_id = ?", subject.type(), subject.id());
        jdbc.update(con -> {
            PreparedStatement insert = con.prepareStatement("""
                    insert into key_date_subject (subject_type, subject_id, title, commissioner_keys, provider_keys, version)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (subject_type, subject_id) do update set title = excluded.title,
                        commissioner_keys = excluded.commissioner_keys, provider_keys = excluded.provider_keys,
                        version = excluded.version""");
            insert.setString(1, subject.type());
            insert.setString(2, subject.id());
            insert.setString(3, subject.title());
            insert.setArray(4, con.createArrayOf("text", subject.commissionerKeys().toArray()));
            insert.setArray(5, con.createArrayOf("text", subject.providerKeys().toArray()));
            insert.setLong(6, version);
            return insert;
        });
        List<ScheduledDate> rows = new ArrayList<>(schedule.dates());
        for (DateSeries series : schedule.series()) {
            rows.addAll(series.between(LocalDate.MIN, horizon));
        }
        insertRows(subject.type(), subject.id(), rows);
        jdbc.batchUpdate("""
                insert into key_date_series (subject_type, subject_id, kind, ordinal, shape, anchor, step, first_index,
                    first_date, last_index, last_date, notice, term, label)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", schedule.series(), 100, (ps, series) -> {
            ps.setString(1, subject.type());
            ps.setString(2, subject.id());
            ps.setString(3, series.kind().name());
            ps.setInt(4, series.ordinal());
            ps.setString(5, series.shape().name());
            ps.setDate(6, Date.valueOf(series.anchor()));
            ps.setString(7, series.step().toString());
            ps.setInt(8, series.firstIndex());
            ps.setDate(9, Date.valueOf(series.dateOf(series.firstIndex())));
            if (series.bounded()) {
                ps.setInt(10, series.lastIndex());
                ps.setDate(11, Date.valueOf(series.lastDate()));
            } else {
                ps.setNull(10, Types.INTEGER);
                ps.setNull(11, Types.DATE);
            }
            ps.setString(12, series.notice() == null ? null : series.notice().toString());
            ps.setString(13, series.term() == null ? null : series.term().toString());
            ps.setString(14, series.label());
        });
    }

    void insertRows(String type, String id, List<ScheduledDate> rows) {
        jdbc.batchUpdate("""
                insert into key_date (date, subject_id, kind, subject_type, ordinal, detail) values (?, ?, ?, ?, ?, ?)
                on conflict do nothing""", rows, 500, (ps, row) -> {
            ps.setDate(1, Date.valueOf(row.date()));
            ps.setString(2, id);
            ps.setString(3, row.kind().name());
            ps.setString(4, type);
            ps.setInt(5, row.ordinal());
            ps.setString(6, row.detail());
        });
    }

    /** A series as stored, with the subject it belongs to. */
    record StoredSeries(String subjectType, String subjectId, String title, DateSeries series) {
    }

    private static final RowMapper<StoredSeries> SERIES = (rs, n) -> new StoredSeries(rs.getString("subject_type"),
            rs.getString("subject_id"), rs.getString("title"), new DateSeries(
            DateSeries.Shape.valueOf(rs.getString("shape")), KeyDateKind.valueOf(rs.getString("kind")),
            rs.getInt("ordinal"), rs.getObject("anchor", LocalDate.class), Period.parse(rs.getString("step")),
            rs.getInt("first_index"), (Integer) rs.getObject("last_index"), period(rs.getString("notice")),
            period(rs.getString("term")), rs.getString("label")));

    private static Period period(String iso) {
        return iso == null ? null : Period.parse(iso);
    }

    /** Every series that may have occurrences after {@code after} and on or before {@code upTo}. */
    List<StoredSeries> seriesReaching(LocalDate after, LocalDate upTo, FindKeyDates filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("after", after).addValue("upTo", upTo);
        String where = filters(filter, parameters);
        return named.query("""
                select k.*, s.title from key_date_series k
                join key_date_subject s on s.subject_type = k.subject_type and s.subject_id = k.subject_id
                where (k.last_date is null or k.last_date > :after) and k.first_date <= :upTo""" + where, parameters, SERIES);
    }

    /** Moves the occurrences of every series from after {@code from} up to {@code to} into rows. */
    int materialise(LocalDate after, LocalDate to) {
        int[] written = {0};
        jdbc.query("""
                select k.*, null as title from key_date_series k
                where (k.last_date is null or k.last_date > ?) and k.first_date <= ?""", rs -> {
            StoredSeries stored = SERIES.mapRow(rs, 0);
            List<ScheduledDate> rows = stored.series().between(after.plusDays(1), to);
            insertRows(stored.subjectType(), stored.subjectId(), rows);
            written[0] += rows.size();
        }, Date.valueOf(after), Date.valueOf(to));
        return written[0];
    }

    void clear() {
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

    /** One page of the rows in {@code [from, to]} that pass the filter, in the list's order. */
    List<KeyDateRow> page(FindKeyDates query, LocalDate from, LocalDate to, long offset, int limit) {
        MapSqlParameterSource parameters = window(from, to).addValue("limit", limit).addValue("offset", offset);
        return named.query("select k.date, k.subject_id, k.kind, k.subject_type, k.ordinal, s.title, k.detail"
                + " from key_date k join key_date_subject s on s.subject_type = k.subject_type and s.subject_id = k.subject_id"
                + " where k.date between :from and :to" + filters(query, parameters) + ORDER
                + " limit :limit offset :offset", parameters, ROW);
    }

    /** Every row in {@code [from, to]} that passes the filter, in the list's order. */
    List<KeyDateRow> all(FindKeyDates query, LocalDate from, LocalDate to) {
        MapSqlParameterSource parameters = window(from, to);
        return named.query("select k.date, k.subject_id, k.kind, k.subject_type, k.ordinal, s.title, k.detail"
                + " from key_date k join key_date_subject s on s.subject_type = k.subject_type and s.subject_id = k.subject_id"
                + " where k.date between :from and :to" + filters(query, parameters) + ORDER, parameters, ROW);
    }

    /** How many rows in {@code [from, to]} pass the filter; the subjects are joined only to filter by party. */
    long count(FindKeyDates query, LocalDate from, LocalDate to) {
        MapSqlParameterSource parameters = window(from, to);
        boolean byParty = query.commissioner() != null || query.provider() != null;
        String sql = "select count(*) from key_date k" + (byParty
                ? " join key_date_subject s on s.subject_type = k.subject_type and s.subject_id = k.subject_id" : "")
                + " where k.date between :from and :to" + filters(query, parameters);
        Long count = named.queryForObject(sql, parameters, Long.class);
        return count == null ? 0 : count;
    }

    private static MapSqlParameterSource window(LocalDate from, LocalDate to) {
        return new MapSqlParameterSource("from", from).addValue("to", to);
    }

    /** The filters as SQL on {@code k} (key_date or key_date_series) and {@code s} (key_date_subject). */
    private static String filters(FindKeyDates query, MapSqlParameterSource parameters) {
        StringBuilder where = new StringBuilder();
        if (!query.kinds().isEmpty()) {
            where.append(" and k.kind in (:kinds)");
            parameters.addValue("kinds", query.kinds().stream().map(Enum::name).sorted().toList());
        }
        if (query.contractId() != null) {
            where.append(" and k.subject_type = '").append(Subject.CONTRACT).append("' and k.subject_id = :contractId");
            parameters.addValue("contractId", query.contractId());
        }
        if (query.commissioner() != null) {
            where.append(" and s.commissioner_keys @> array[cast(:commissioner as text)]");
            parameters.addValue("commissioner", Subject.key(query.commissioner()));
        }
        if (query.provider() != null) {
            where.append(" and s.provider_keys @> array[cast(:provider as text)]");
            parameters.addValue("provider", Subject.key(query.provider()));
        }
        return where.toString();
    }
}
