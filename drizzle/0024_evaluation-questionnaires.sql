CREATE TABLE "attendance_signal_mails" (
	"community_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"streak_start_session_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendance_signal_mails_community_id_person_id_streak_start_session_id_pk" PRIMARY KEY("community_id","person_id","streak_start_session_id")
);
--> statement-breakpoint
CREATE TABLE "coach_year_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"academic_year" text NOT NULL,
	"went_well" text DEFAULT '' NOT NULL,
	"was_hard" text DEFAULT '' NOT NULL,
	"advice" text DEFAULT '' NOT NULL,
	"quote_consent" boolean DEFAULT false NOT NULL,
	"quote_consent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_year_reports_year_ck" CHECK ("coach_year_reports"."academic_year" ~ '^[0-9]{4}-[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "evaluation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"question_set" text NOT NULL,
	"question_key" text NOT NULL,
	"content_version" integer NOT NULL,
	"scale_value" integer,
	"choice_values" text[],
	"text_value" text
);
--> statement-breakpoint
CREATE TABLE "evaluation_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"question_set" text NOT NULL,
	"community_id" uuid,
	"token_hash" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"answered_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "evaluation_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "evaluation_linked_answers" (
	"invitation_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"content_version" integer NOT NULL,
	"scale_value" integer,
	"choice_values" text[],
	"text_value" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_linked_answers_invitation_id_question_key_pk" PRIMARY KEY("invitation_id","question_key")
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"moment" text NOT NULL,
	"mode" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"content_version" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendance_signal_mails" ADD CONSTRAINT "attendance_signal_mails_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_signal_mails" ADD CONSTRAINT "attendance_signal_mails_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_signal_mails" ADD CONSTRAINT "attendance_signal_mails_streak_start_session_id_sessions_id_fk" FOREIGN KEY ("streak_start_session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_year_reports" ADD CONSTRAINT "coach_year_reports_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_year_reports" ADD CONSTRAINT "coach_year_reports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_invitations" ADD CONSTRAINT "evaluation_invitations_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_invitations" ADD CONSTRAINT "evaluation_invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_invitations" ADD CONSTRAINT "evaluation_invitations_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_linked_answers" ADD CONSTRAINT "evaluation_linked_answers_invitation_id_evaluation_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."evaluation_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coach_year_reports_person_year_uq" ON "coach_year_reports" USING btree ("person_id","programme_id","academic_year");--> statement-breakpoint
CREATE INDEX "evaluation_answers_round_idx" ON "evaluation_answers" USING btree ("round_id","question_key");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_invitations_round_person_uq" ON "evaluation_invitations" USING btree ("round_id","person_id");--> statement-breakpoint
CREATE INDEX "evaluation_invitations_community_idx" ON "evaluation_invitations" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_intake_moment_uq" ON "evaluation_rounds" USING btree ("intake_id","moment");