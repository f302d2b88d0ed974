-- The audit history of a procurement shows the correlation id of the request that recorded each event, kept with the
-- event's row as the contracts' are (V4), rather than read from the event store on every request.
alter table procurement_event_view add column correlation_id varchar(255);

-- Procurement events recorded before this migration get their correlation ids: the procurements' processor replays the
-- event store from the start. Its handlers are idempotent (an event seen again overwrites its own row, and a summary
-- row is only ever moved forward), so the rows it already has are rewritten as they were, now with their ids. (No-op
-- on a new database.)
delete from token_entry where processor_name = 'procurements';
