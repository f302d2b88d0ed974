-- Key dates across the portfolio (issue 5): every dated obligation of every contract (later also procurements),
-- owned by the key-dates projection and rebuilt by replaying it.
--
-- Single dates and the occurrences of repeating ones up to the horizon (key_date_horizon) are rows of key_date,
-- whose primary key is the list's order, so a window is one index range read in order. Repeating obligations
-- (automatic renewals and their notice deadlines, recurring review points) are also kept as series in
-- key_date_series: those without end are never materialised beyond the horizon, and a window beyond it is expanded
-- from the series when asked. Identifiers, kinds and subject types compare byte by byte (collation "C"), the same
-- order as the application's.

-- One row per contract (procurement) with key dates: its title and parties, and the version projected.
-- parties: 'c:' or 'p:' and a commissioner's (procurement: buyer's) or provider's name lower-cased.
create table key_date_subject (
    subject_type  varchar(11)  collate "C" not null,        -- 'contract' or 'procurement'
    subject_id    varchar(64)  collate "C" not null,
    title         varchar(300) not null,
    parties       text[]       not null,
    version       bigint       not null,                    -- the aggregate's last event projected
    primary key (subject_type, subject_id)
);

-- One row per dated obligation; ordinal tells apart obligations of one kind of one subject on one date. The
-- subject's title and parties are copied in (neither changes), so a window is read and filtered without a join:
-- the primary key answers a page and the count, the GIN index the party filters.
create table key_date (
    date          date         not null,
    subject_id    varchar(64)  collate "C" not null,
    kind          varchar(40)  collate "C" not null,
    subject_type  varchar(11)  collate "C" not null,
    ordinal       integer      not null,
    title         varchar(300) not null,
    detail        text         not null,
    parties       text[]       not null,
    primary key (date, subject_id, kind, subject_type, ordinal)
);
create index key_date_of_subject on key_date (subject_id, subject_type);
create index key_date_by_party on key_date using gin (parties);

-- How many rows of key_date fall on each date, per kind, kept in the same transaction as the rows: the total of an
-- unfiltered (or kind-filtered) window is a sum of at most a few thousand counters rather than a count of its rows.
create table key_date_count (
    date  date        not null,
    kind  varchar(40) collate "C" not null,
    n     integer     not null,
    primary key (date, kind)
);

-- Repeating obligations: occurrence k (first_index <= k <= last_index, or without end) falls on anchor + step * k
-- (shape NON_RENEWAL_DEADLINES: the notice deadline before that point).
create table key_date_series (
    subject_type  varchar(11)  collate "C" not null,
    subject_id    varchar(64)  collate "C" not null,
    kind          varchar(40)  collate "C" not null,
    ordinal       integer      not null,
    shape         varchar(40)  not null,
    anchor        date         not null,
    step          varchar(40)  not null,                    -- an ISO-8601 period
    first_index   integer      not null,
    first_date    date         not null,                    -- the date of occurrence first_index
    last_index    integer,                                  -- null: without end
    last_date     date,                                     -- the date of the last occurrence; null: without end
    -- for finding the series with occurrences in a window beyond the horizon without expanding them all: the
    -- month (year * 12 + month - 1) of the point of first_index, the step in whole months (null when it has days),
    -- and how many months before its point an occurrence falls, at least and at most (a notice deadline)
    base_month    integer      not null,
    month_step    integer,
    lag_min       integer      not null,
    lag_max       integer      not null,
    notice        varchar(40),
    term          varchar(40),
    label         text,
    primary key (subject_type, subject_id, kind, ordinal)
);

-- Series occurrences are rows of key_date up to this date; it is kept a number of years ahead of today.
create table key_date_horizon (
    id                    smallint primary key check (id = 1),
    materialised_through  date     not null
);
