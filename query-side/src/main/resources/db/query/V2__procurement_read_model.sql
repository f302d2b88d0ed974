-- One row per procurement: what the pipeline filters on, and the dates other read models ask about (planned award
-- and start, standstill end), as last recorded. The state as of any other date is folded from the events below.
create table procurement_view (
    procurement_id       varchar(64)  primary key,
    title                varchar(300) not null,
    regime               varchar(20)  not null,
    planned_on           date         not null,
    planned_award_on     date,
    planned_start_on     date,
    route                varchar(40)  not null,
    stage                varchar(40),
    status               varchar(20)  not null,
    standstill_starts_on date,
    standstill_ends_on   date,
    contract_id          varchar(64),
    awarded_on           date,
    abandoned_on         date,
    version              bigint       not null
);

create index procurement_view_planned_on_idx on procurement_view (planned_on);
create index procurement_view_planned_award_on_idx on procurement_view (planned_award_on);
create index procurement_view_standstill_ends_on_idx on procurement_view (standstill_ends_on);

-- Every event of every procurement, as recorded: the input of the shared rules (state as of any date, as known at any
-- time) and of the history. Idempotent on (procurement_id, sequence).
create table procurement_event_view (
    procurement_id  varchar(64)  not null,
    sequence        bigint       not null,
    type            varchar(100) not null,
    effective_on    date         not null,
    recorded_at     timestamptz  not null,
    recorded_by     varchar(300) not null,
    reason          varchar(2000),
    payload         jsonb        not null,
    primary key (procurement_id, sequence)
);
