-- The events' payloads are kept as json, the text the projection wrote, instead of jsonb. Nothing queries inside them:
-- they are read back whole and parsed by the application, which wrote them. PostgreSQL still checks each is valid
-- JSON, but no longer converts it to jsonb's binary form on the way in and back to text on the way out. Copying
-- 1,500,000 payloads of 500 bytes (PostgreSQL 17, 2026-11-23) took 34.4 and 35.3 s into jsonb, 18.0 and 17.9 s into
-- json and 16.7 and 18.3 s into text; a bulk rebuild copies every event once. json keeps each payload exactly as it
-- was written (jsonb reorders keys and respaces them), and the operators (payload ->> 'title') work on both.
alter table contract_event_view alter column payload type json;
alter table procurement_event_view alter column payload type json;
