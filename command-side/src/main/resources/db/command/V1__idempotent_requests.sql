-- Writes sent with an Idempotency-Key header: the first successful answer, kept so that a retry gets it again and
-- stores nothing new. Written in the same transaction as the events the write appended.
create table idempotent_request (
    username         varchar(100)  not null,
    idempotency_key  varchar(255)  not null,
    request_hash     char(64)      not null,
    method           varchar(10)   not null,
    path             varchar(2000) not null,
    status           integer       not null,
    content_type     varchar(200),
    location         varchar(2000),
    body             bytea         not null,
    recorded_at      timestamptz   not null,
    primary key (username, idempotency_key)
);
