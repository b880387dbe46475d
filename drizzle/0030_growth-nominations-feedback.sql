CREATE TABLE "coach_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"nominated_by_id" uuid,
	"nominator_role" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"application_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "coach_nominations_status_ck" CHECK ("coach_nominations"."status" in ('open', 'applied', 'declined')),
	CONSTRAINT "coach_nominations_role_ck" CHECK ("coach_nominations"."nominator_role" in ('leercoach', 'coordinator'))
);
--> statement-breakpoint
CREATE TABLE "training_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_feedback_rating_ck" CHECK ("training_feedback"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "coach_nominations" ADD CONSTRAINT "coach_nominations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_nominations" ADD CONSTRAINT "coach_nominations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_nominations" ADD CONSTRAINT "coach_nominations_nominated_by_id_people_id_fk" FOREIGN KEY ("nominated_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coach_nominations_person_programme_uq" ON "coach_nominations" USING btree ("person_id","programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coach_nominations_token_uq" ON "coach_nominations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "coach_nominations_application_idx" ON "coach_nominations" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_feedback_session_author_uq" ON "training_feedback" USING btree ("session_id","author_id");