-- Series occurrences are rows from materialised_from (null: from their first) through materialised_through. A window
-- starting before materialised_from is expanded from the series for its part before it, as a window reaching past
-- the horizon is for its part after. Set to a year before today (tracker.key-dates.lookback) when the key dates are
-- first projected and again whenever they are rebuilt; null for a read model written before this migration, whose
-- rows go back to each series' first occurrence, until its next rebuild.
alter table key_date_horizon add column materialised_from date;
