CREATE TABLE "coach_photos" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_photos_type_ck" CHECK ("coach_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
CREATE TABLE "intake_settings_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"changed_by_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "student_imports" ADD COLUMN "csv" text;--> statement-breakpoint
ALTER TABLE "student_imports" ADD COLUMN "mapping" jsonb;--> statement-breakpoint
ALTER TABLE "student_imports" ADD COLUMN "good_rows_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "coach_photos" ADD CONSTRAINT "coach_photos_person_id_coach_profiles_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."coach_profiles"("person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_settings_changes" ADD CONSTRAINT "intake_settings_changes_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_settings_changes" ADD CONSTRAINT "intake_settings_changes_changed_by_id_people_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_settings_changes_intake_idx" ON "intake_settings_changes" USING btree ("intake_id","changed_at");