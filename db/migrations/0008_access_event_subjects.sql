CREATE TABLE "access_event_subjects" (
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	CONSTRAINT "access_event_subjects_kind_subject_pk" PRIMARY KEY("kind","subject"),
	CONSTRAINT "access_event_subjects_kind" CHECK ("access_event_subjects"."kind" in ('actor', 'secret_ref'))
);
--> statement-breakpoint
-- Rebuilds the subjects from the whole log (after bulk loads that bypass ingest: this migration, the seed).
CREATE OR REPLACE FUNCTION keyledger_collect_access_event_subjects() RETURNS bigint LANGUAGE sql AS $$
  WITH added AS (
    INSERT INTO access_event_subjects (kind, subject)
      SELECT 'actor', actor FROM access_events GROUP BY actor
      UNION ALL SELECT 'secret_ref', secret_ref FROM access_events WHERE secret_ref IS NOT NULL GROUP BY secret_ref
    ON CONFLICT DO NOTHING RETURNING 1
  ) SELECT count(*) FROM added
$$;--> statement-breakpoint
SELECT keyledger_collect_access_event_subjects();
