-- Procurements' key dates (standstill end, planned award and go-live) join the contracts' in key_date. The key-dates
-- processor replays the event store from the start so that procurements recorded before this migration get theirs:
-- its handlers are idempotent (a subject at the version already projected is recomputed to the same rows), so the
-- contracts' rows are rewritten as they were. (No-op on a new database.)
delete from token_entry where processor_name = 'key-dates';
