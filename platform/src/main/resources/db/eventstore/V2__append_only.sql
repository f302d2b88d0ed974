-- The event store is append-only in fact, not by convention: the database refuses to change or remove an event.
-- Mistakes are corrected by a new event, never by editing one (DOMAIN.md, "Time: two clocks").
create function refuse_event_change() returns trigger language plpgsql as $$
begin
    raise exception 'the event store is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function refuse_event_change();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function refuse_event_change();
