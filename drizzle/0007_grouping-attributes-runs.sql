CREATE TABLE "grouping_attribute_settings" (
	"institution_id" uuid NOT NULL,
	"attribute" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"from_import" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grouping_attribute_settings_institution_id_attribute_pk" PRIMARY KEY("institution_id","attribute")
);
--> statement-breakpoint
CREATE TABLE "grouping_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"class_id" uuid,
	"created_by_id" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"request" jsonb NOT NULL,
	"communities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assignment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" jsonb,
	"stop_reason" text,
	"elapsed_ms" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "grouping_runs_status_ck" CHECK ("grouping_runs"."status" in ('running', 'draft', 'failed', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "student_attributes" (
	"person_id" uuid NOT NULL,
	"attribute" text NOT NULL,
	"value" text NOT NULL,
	"source" text DEFAULT 'student' NOT NULL,
	"confirmed" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_attributes_person_id_attribute_pk" PRIMARY KEY("person_id","attribute"),
	CONSTRAINT "student_attributes_source_ck" CHECK ("student_attributes"."source" in ('student', 'import'))
);
--> statement-breakpoint
ALTER TABLE "grouping_attribute_settings" ADD CONSTRAINT "grouping_attribute_settings_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grouping_runs" ADD CONSTRAINT "grouping_runs_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grouping_runs" ADD CONSTRAINT "grouping_runs_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grouping_runs" ADD CONSTRAINT "grouping_runs_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_attributes" ADD CONSTRAINT "student_attributes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grouping_runs_intake_idx" ON "grouping_runs" USING btree ("intake_id");