CREATE TABLE "research_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"created_by" uuid,
	"via" text DEFAULT 'app' NOT NULL,
	"token_digest" text,
	"expires_at" timestamp with time zone NOT NULL,
	"rows" integer NOT NULL,
	"k" integer NOT NULL,
	"consenting" integer NOT NULL,
	"suppressed_rows" integer NOT NULL,
	"suppressed_cells" integer NOT NULL,
	"consent_version" integer NOT NULL,
	"file_sealed" "bytea",
	"downloads" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "research_exports_token_digest_unique" UNIQUE("token_digest"),
	CONSTRAINT "research_exports_via_ck" CHECK ("research_exports"."via" in ('app', 'cli'))
);
--> statement-breakpoint
CREATE TABLE "research_studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"proposer_id" uuid,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"variables" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"pseudonym_secret" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "research_studies_status_ck" CHECK ("research_studies"."status" in ('proposed', 'approved', 'rejected')),
	CONSTRAINT "research_studies_period_ck" CHECK ("research_studies"."period_end" >= "research_studies"."period_start")
);
--> statement-breakpoint
CREATE TABLE "research_study_programmes" (
	"study_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"decision" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "research_study_programmes_study_id_programme_id_pk" PRIMARY KEY("study_id","programme_id"),
	CONSTRAINT "research_study_programmes_decision_ck" CHECK ("research_study_programmes"."decision" is null or "research_study_programmes"."decision" in ('approved', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "research_exports" ADD CONSTRAINT "research_exports_study_id_research_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."research_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_exports" ADD CONSTRAINT "research_exports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_studies" ADD CONSTRAINT "research_studies_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_studies" ADD CONSTRAINT "research_studies_proposer_id_people_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_study_programmes" ADD CONSTRAINT "research_study_programmes_study_id_research_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."research_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_study_programmes" ADD CONSTRAINT "research_study_programmes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_study_programmes" ADD CONSTRAINT "research_study_programmes_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "research_exports_study_idx" ON "research_exports" USING btree ("study_id","created_at");--> statement-breakpoint
CREATE INDEX "research_studies_institution_idx" ON "research_studies" USING btree ("institution_id");