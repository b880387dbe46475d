CREATE TABLE "coach_availability" (
	"period_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_availability_period_id_person_id_pk" PRIMARY KEY("period_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "scheduling_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduling_placements" (
	"run_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"proposed_day" text NOT NULL,
	"proposed_start" text NOT NULL,
	"proposed_location_id" uuid NOT NULL,
	"day" text NOT NULL,
	"start" text NOT NULL,
	"location_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scheduling_placements_run_id_community_id_pk" PRIMARY KEY("run_id","community_id")
);
--> statement-breakpoint
CREATE TABLE "scheduling_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduling_rooms_capacity_ck" CHECK ("scheduling_rooms"."capacity" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "scheduling_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"seed" integer NOT NULL,
	"time_limit_seconds" integer NOT NULL,
	"session_minutes" integer NOT NULL,
	"progress" jsonb,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"error_code" text,
	"error_details" jsonb,
	"instance" jsonb,
	"excluded" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search" jsonb,
	"started_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	CONSTRAINT "scheduling_runs_status_ck" CHECK ("scheduling_runs"."status" in ('running', 'done', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "teaching_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"name" text NOT NULL,
	"first_date" text NOT NULL,
	"last_date" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teaching_periods_dates_ck" CHECK ("teaching_periods"."last_date" >= "teaching_periods"."first_date")
);
--> statement-breakpoint
CREATE TABLE "timetables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"class_id" uuid,
	"person_id" uuid,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"blocks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uploaded_by_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timetables_subject_ck" CHECK (("timetables"."class_id" is null) <> ("timetables"."person_id" is null)),
	CONSTRAINT "timetables_source_ck" CHECK ("timetables"."source" in ('ics', 'csv', 'url'))
);
--> statement-breakpoint
ALTER TABLE "coach_availability" ADD CONSTRAINT "coach_availability_period_id_teaching_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."teaching_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_availability" ADD CONSTRAINT "coach_availability_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_locations" ADD CONSTRAINT "scheduling_locations_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_placements" ADD CONSTRAINT "scheduling_placements_run_id_scheduling_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scheduling_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_placements" ADD CONSTRAINT "scheduling_placements_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_rooms" ADD CONSTRAINT "scheduling_rooms_location_id_scheduling_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."scheduling_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_runs" ADD CONSTRAINT "scheduling_runs_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_runs" ADD CONSTRAINT "scheduling_runs_period_id_teaching_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."teaching_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_runs" ADD CONSTRAINT "scheduling_runs_started_by_id_people_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling_runs" ADD CONSTRAINT "scheduling_runs_published_by_id_people_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teaching_periods" ADD CONSTRAINT "teaching_periods_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetables" ADD CONSTRAINT "timetables_period_id_teaching_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."teaching_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetables" ADD CONSTRAINT "timetables_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetables" ADD CONSTRAINT "timetables_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetables" ADD CONSTRAINT "timetables_uploaded_by_id_people_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coach_availability_person_idx" ON "coach_availability" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scheduling_locations_code_uq" ON "scheduling_locations" USING btree ("intake_id",upper("code"));--> statement-breakpoint
CREATE INDEX "scheduling_rooms_location_idx" ON "scheduling_rooms" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "scheduling_runs_period_idx" ON "scheduling_runs" USING btree ("period_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "teaching_periods_intake_name_uq" ON "teaching_periods" USING btree ("intake_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "timetables_class_uq" ON "timetables" USING btree ("period_id","class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "timetables_person_uq" ON "timetables" USING btree ("period_id","person_id");--> statement-breakpoint
CREATE INDEX "timetables_person_idx" ON "timetables" USING btree ("person_id");