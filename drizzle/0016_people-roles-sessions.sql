CREATE TABLE "role_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_role" "role",
	"kind" text NOT NULL,
	"role" "role",
	"programme_id" uuid,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_events_kind_ck" CHECK ("role_events"."kind" in ('granted', 'revoked', 'deactivated', 'reactivated', 'supervisionChanged', 'classesChanged'))
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "role_events" ADD CONSTRAINT "role_events_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_events" ADD CONSTRAINT "role_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_events" ADD CONSTRAINT "role_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_events" ADD CONSTRAINT "role_events_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_events_person_idx" ON "role_events" USING btree ("person_id","at");--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_id_unique" UNIQUE("id");--> statement-breakpoint
-- Updating a session's last_seen_at (at most once per few minutes) must not drop every cached
-- session and grant (access-cache.ts): the access trigger now fires only for the columns the
-- cached read depends on.
DROP TRIGGER IF EXISTS auth_sessions_access_changed ON auth_sessions;
--> statement-breakpoint
CREATE TRIGGER auth_sessions_access_changed AFTER UPDATE OF token_hash, person_id, csrf_token, expires_at, mfa_setup_required OR DELETE OR TRUNCATE ON auth_sessions FOR EACH STATEMENT EXECUTE FUNCTION peerkracht_access_changed();
--> statement-breakpoint
-- The role history is append-only: an event, once written, is never changed. The only updates
-- allowed are the foreign keys set to null when the actor or the programme is deleted; deleting
-- goes with the person or the institution (cascade).
CREATE FUNCTION role_events_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'actor_id' - 'programme_id') = (to_jsonb(OLD) - 'actor_id' - 'programme_id')
     AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
     AND (NEW.programme_id IS NULL OR NEW.programme_id = OLD.programme_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'role_events is append-only' USING ERRCODE = '55000';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER role_events_append_only BEFORE UPDATE ON role_events
  FOR EACH ROW EXECUTE FUNCTION role_events_no_update();
