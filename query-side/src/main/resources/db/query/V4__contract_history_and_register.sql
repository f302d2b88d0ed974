-- The audit history shows the correlation id of the request that recorded each event.
alter table contract_event_view add column correlation_id varchar(255);

-- The register: one row per contract with what never changes after registration. Identifiers sort byte-wise
-- (collation "C"), so the register's order by id is the primary key's order.
create table contract_register (
    contract_id    varchar(64) collate "C" primary key,
    title          varchar(300) not null,
    kind           varchar(40)  not null,
    start_date     date         not null,
    commissioners  jsonb        not null,
    providers      jsonb        not null,
    version        bigint       not null,
    -- null: the state periods below cover every date; else dates on or after this one are folded when asked
    periods_until  date
);
create index contract_register_kind_idx on contract_register (kind, contract_id);
create index contract_register_folded_idx on contract_register (periods_until) where periods_until is not null;

-- Commissioners and providers by name (lower case), for the register's filters.
create table contract_register_party (
    role         varchar(20)  not null,
    name_key     text         not null,
    contract_id  varchar(64) collate "C" not null,
    primary key (role, name_key, contract_id)
);
create index contract_register_party_contract_idx on contract_register_party (contract_id);

-- Each contract's state as of every date, as stretches over which status, phase and end date stay the same: from
-- from_date to the day before to_date (null: open). Derived from everything recorded so far, automatic renewals
-- included; "status as of D" is a range lookup, never a fold. The contract's kind is repeated here so that the
-- register's filters on state and kind need no join.
create table contract_state_period (
    contract_id  varchar(64) collate "C" not null,
    from_date    date        not null,
    to_date      date,
    status       varchar(20) not null,
    phase        varchar(20),
    end_date     date        not null,
    kind         varchar(40) not null,
    primary key (contract_id, from_date)
);
create index contract_state_period_during_idx on contract_state_period
    using gist (daterange(from_date, to_date, '[)'));
-- the question asked most: which contracts are in force on a date
create index contract_state_period_active_idx on contract_state_period
    using gist (daterange(from_date, to_date, '[)')) where status = 'ACTIVE';

-- Contracts recorded before this migration enter the register (and their events get their correlation ids): the
-- contracts' processor replays the event store from the start. Its handlers are idempotent, so the rows it already
-- has are rewritten as they were. (No-op on a new database.)
delete from token_entry where processor_name = 'contracts';
