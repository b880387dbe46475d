CREATE TABLE "roadmap_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"factor_id" text NOT NULL,
	"status" text NOT NULL,
	"evidence_note" text DEFAULT '' NOT NULL,
	"owner_stakeholder_id" text,
	"owner_person_id" uuid,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_content_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"shipped_version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"saved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"intervention_id" text NOT NULL,
	"owner_stakeholder_id" text,
	"owner_person_id" uuid,
	"horizon" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"reminded_for" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_stakeholders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stakeholder_id" text NOT NULL,
	"factor_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"factor_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"programme_id" uuid,
	"scope_key" text NOT NULL,
	"year" integer NOT NULL,
	"content_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmaps_year_check" CHECK ("roadmaps"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "roadmap_assessments" ADD CONSTRAINT "roadmap_assessments_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_assessments" ADD CONSTRAINT "roadmap_assessments_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_assessments" ADD CONSTRAINT "roadmap_assessments_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_content_versions" ADD CONSTRAINT "roadmap_content_versions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_content_versions" ADD CONSTRAINT "roadmap_content_versions_saved_by_people_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_plan_items" ADD CONSTRAINT "roadmap_plan_items_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_plan_items" ADD CONSTRAINT "roadmap_plan_items_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_stakeholders" ADD CONSTRAINT "roadmap_stakeholders_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_stakeholders" ADD CONSTRAINT "roadmap_stakeholders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_views" ADD CONSTRAINT "roadmap_views_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_views" ADD CONSTRAINT "roadmap_views_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_assessments_uq" ON "roadmap_assessments" USING btree ("roadmap_id","factor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_content_versions_uq" ON "roadmap_content_versions" USING btree ("institution_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_plan_items_uq" ON "roadmap_plan_items" USING btree ("roadmap_id","intervention_id");--> statement-breakpoint
CREATE INDEX "roadmap_plan_items_due_idx" ON "roadmap_plan_items" USING btree ("due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_stakeholders_uq" ON "roadmap_stakeholders" USING btree ("roadmap_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_views_uq" ON "roadmap_views" USING btree ("roadmap_id","factor_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmaps_scope_year_uq" ON "roadmaps" USING btree ("institution_id","scope_key","year");