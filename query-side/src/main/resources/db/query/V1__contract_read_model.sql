-- One row per contract: what the register lists and filters on.
create table contract_view (
    contract_id     varchar(64)  primary key,
    title           varchar(300) not null,
    kind            varchar(40)  not null,
    awarded_on      date         not null,
    start_date      date         not null,
    procurement_id  varchar(64),
    version         bigint       not null
);

-- Every event of every contract, as recorded: the input of the date rules (state as of any date, as known at any
-- time) and of the history. Idempotent on (contract_id, sequence).
create table contract_event_view (
    contract_id   varchar(64)  not null,
    sequence      bigint       not null,
    type          varchar(100) not null,
    effective_on  date         not null,
    recorded_at   timestamptz  not null,
    recorded_by   varchar(300) not null,
    reason        varchar(2000),
    payload       jsonb        not null,
    primary key (contract_id, sequence)
);
