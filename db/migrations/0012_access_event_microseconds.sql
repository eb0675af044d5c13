-- Until this migration ingest cut access-event times to milliseconds; from now on they keep the log's
-- microseconds. The latest time stored before is remembered, so a log ingested again is recognised
-- by the millisecond-cut twins of its events (lib/ingest/write-batch.ts): nothing twice.
INSERT INTO "app_meta" ("key", "value")
SELECT 'access-events:ms-until', to_char(max("occurred_at") AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM "access_events" WHERE "source_kind" <> 'keyledger'
HAVING max("occurred_at") IS NOT NULL
ON CONFLICT ("key") DO NOTHING;
