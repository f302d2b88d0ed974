-- The bulk rebuild drops a few secondary indexes (the state periods' GiST, the key dates' GIN) while it fills the read
-- models and creates them again at its end: built once over the filled table they cost a fraction of what they cost
-- maintained row by row. Each dropped index's definition is kept here, written in the same transaction as the drop and
-- removed in the same transaction as the index is created again, so that an index dropped by a rebuild that never
-- finished (the process died) is created again when the application next starts.
create table read_model_deferred_index (
    index_name  varchar(63) primary key,
    definition  text        not null
);
