-- Access events live in one partition per calendar month (UTC). Writers call
-- keyledger_ensure_access_event_partitions(from, to) before inserting, so a partition exists for
-- every month they touch; old months can later be detached and archived whole.
CREATE FUNCTION keyledger_ensure_access_event_partitions(from_ts timestamptz, to_ts timestamptz)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  month_start timestamptz := date_trunc('month', from_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  last_month timestamptz := date_trunc('month', to_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  partition_name text;
  created integer := 0;
BEGIN
  IF from_ts > to_ts THEN
    RAISE EXCEPTION 'from_ts (%) is after to_ts (%)', from_ts, to_ts;
  END IF;
  WHILE month_start <= last_month LOOP
    partition_name := 'access_events_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
    IF to_regclass(partition_name) IS NULL THEN
      EXECUTE format(
        'CREATE TABLE IF NOT EXISTS %I PARTITION OF access_events FOR VALUES FROM (%L) TO (%L)',
        partition_name, month_start, month_start + interval '1 month'
      );
      created := created + 1;
    END IF;
    month_start := month_start + interval '1 month';
  END LOOP;
  RETURN created;
END;
$$;
--> statement-breakpoint
ALTER TABLE access_events ADD CONSTRAINT access_events_action_check CHECK (action IN
  ('read','list','describe','create','update','rotate','delete','restore','policy_change','tag_change','other'));
--> statement-breakpoint
ALTER TABLE access_events ADD CONSTRAINT access_events_result_check CHECK (result IN ('success','failure'));
--> statement-breakpoint
ALTER TABLE access_events ADD CONSTRAINT access_events_actor_type_check CHECK (actor_type IN
  ('human','workload','service','root','unknown'));
--> statement-breakpoint
-- The current month and the next are always there, so Keyledger's own audit events never wait.
SELECT keyledger_ensure_access_event_partitions(now(), now() + interval '1 month');
