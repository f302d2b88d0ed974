-- A bulk rebuild does not keep key_date_count row by row: it counts key_date once at its end. This row, written in the
-- transaction that defers the counters and removed in the one that counts them, says they are still to be counted (a
-- rebuild died part way): done when the application next starts.
create table key_date_count_deferred (
    id  smallint primary key check (id = 1)
);
