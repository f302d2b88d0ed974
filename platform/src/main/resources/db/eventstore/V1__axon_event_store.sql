-- Axon Framework's tables on PostgreSQL, as Hibernate maps Axon's entities with the platform's dialect (bytea, not oid),
-- so that ddl-auto=validate passes, with the indexes of Axon's RDBMS tuning guide.

-- The global index: a sequence of its own, allocation size 1 (META-INF/orm.xml). The column default lets the JDBC
-- storage engine, which does not name the column, draw from the same sequence.
create sequence domain_event_global_index_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index          bigint       not null default nextval('domain_event_global_index_seq'),
    aggregate_identifier  varchar(255) not null,
    sequence_number       bigint       not null,
    type                  varchar(255),
    event_identifier      varchar(255) not null,
    time_stamp            varchar(255) not null,
    payload_type          varchar(255) not null,
    payload_revision      varchar(255),
    payload               bytea        not null,
    meta_data             bytea,
    primary key (global_index),
    constraint domain_event_aggregate_sequence_uk unique (aggregate_identifier, sequence_number),
    constraint domain_event_identifier_uk unique (event_identifier)
);
alter sequence domain_event_global_index_seq owned by domain_event_entry.global_index;

create table snapshot_event_entry (
    aggregate_identifier  varchar(255) not null,
    sequence_number       bigint       not null,
    type                  varchar(255) not null,
    event_identifier      varchar(255) not null,
    time_stamp            varchar(255) not null,
    payload_type          varchar(255) not null,
    payload_revision      varchar(255),
    payload               bytea        not null,
    meta_data             bytea,
    primary key (aggregate_identifier, sequence_number, type),
    constraint snapshot_event_identifier_uk unique (event_identifier)
);

-- Tracking tokens of the event processors: in the read model's database, updated in the read model's transaction.
create table token_entry (
    processor_name  varchar(255) not null,
    segment         integer      not null,
    token           bytea,
    token_type      varchar(255),
    timestamp       varchar(255) not null,
    owner           varchar(255),
    primary key (processor_name, segment)
);

-- Sagas and dead letters: mapped by Axon whether used or not.
create table saga_entry (
    saga_id          varchar(255) not null,
    saga_type        varchar(255),
    revision         varchar(255),
    serialized_saga  bytea,
    primary key (saga_id)
);

create sequence association_value_entry_seq start with 1 increment by 50;

create table association_value_entry (
    id                 bigint       not null,
    association_key    varchar(255) not null,
    association_value  varchar(255),
    saga_id            varchar(255) not null,
    saga_type          varchar(255),
    primary key (id)
);
create index association_value_lookup_idx on association_value_entry (saga_type, association_key, association_value);
create index association_value_saga_idx on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    dead_letter_id        varchar(255)  not null,
    processing_group      varchar(255)  not null,
    sequence_identifier   varchar(255)  not null,
    sequence_index        bigint        not null,
    message_type          varchar(255)  not null,
    event_identifier      varchar(255)  not null,
    time_stamp            varchar(255)  not null,
    payload_type          varchar(255)  not null,
    payload_revision      varchar(255),
    payload               bytea         not null,
    meta_data             bytea,
    type                  varchar(255),
    aggregate_identifier  varchar(255),
    sequence_number       bigint,
    token_type            varchar(255),
    token                 bytea,
    enqueued_at           timestamp(6) with time zone not null,
    last_touched          timestamp(6) with time zone,
    processing_started    timestamp(6) with time zone,
    cause_type            varchar(255),
    cause_message         varchar(1023),
    diagnostics           bytea,
    primary key (dead_letter_id),
    constraint dead_letter_sequence_uk unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_group_idx on dead_letter_entry (processing_group);
create index dead_letter_sequence_idx on dead_letter_entry (processing_group, sequence_identifier);
