CREATE TABLE "compensation_extra_work" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"coach_person_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compensation_extra_work_status_ck" CHECK ("compensation_extra_work"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "compensation_extra_work_minutes_ck" CHECK ("compensation_extra_work"."minutes" > 0 and "compensation_extra_work"."minutes" <= 720)
);
--> statement-breakpoint
CREATE TABLE "compensation_fiscal_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"max_per_hour_under21_cents" integer NOT NULL,
	"max_per_hour_from21_cents" integer NOT NULL,
	"max_per_month_cents" integer NOT NULL,
	"max_per_year_cents" integer NOT NULL,
	"source" text NOT NULL,
	"added_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compensation_profiles" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"birth_date" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compensation_statement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"coach_person_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"source" text NOT NULL,
	"worked_on" date NOT NULL,
	"kind" text NOT NULL,
	"minutes" integer NOT NULL,
	"band" text,
	"rate_cents" integer,
	"amount_cents" integer,
	"dispute_comment" text,
	"disputed_at" timestamp with time zone,
	"resolution" text,
	"resolved_by_id" uuid,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "compensation_statement_lines_kind_ck" CHECK ("compensation_statement_lines"."kind" in ('session', 'training', 'intervision', 'oneOnOne', 'preparation', 'other'))
);
--> statement-breakpoint
CREATE TABLE "compensation_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"intake_id" uuid,
	"coach_person_id" uuid NOT NULL,
	"month" text NOT NULL,
	"scheme" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"total_minutes" integer DEFAULT 0 NOT NULL,
	"total_cents" integer DEFAULT 0 NOT NULL,
	"year_to_date_cents" integer DEFAULT 0 NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"promised_pay_date" date,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by_id" uuid,
	"payout_id" uuid,
	"paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compensation_statements_status_ck" CHECK ("compensation_statements"."status" in ('open', 'confirmed', 'disputed', 'approved')),
	CONSTRAINT "compensation_statements_scheme_ck" CHECK ("compensation_statements"."scheme" in ('allowance', 'salary', 'credits')),
	CONSTRAINT "compensation_statements_month_ck" CHECK ("compensation_statements"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "compensation_statements_paid_ck" CHECK (("compensation_statements"."paid_on" is null) = ("compensation_statements"."payout_id" is null) and ("compensation_statements"."paid_on" is null or "compensation_statements"."status" = 'approved'))
);
--> statement-breakpoint
ALTER TABLE "compensation_extra_work" ADD CONSTRAINT "compensation_extra_work_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_extra_work" ADD CONSTRAINT "compensation_extra_work_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_extra_work" ADD CONSTRAINT "compensation_extra_work_coach_person_id_people_id_fk" FOREIGN KEY ("coach_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_extra_work" ADD CONSTRAINT "compensation_extra_work_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_fiscal_years" ADD CONSTRAINT "compensation_fiscal_years_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_fiscal_years" ADD CONSTRAINT "compensation_fiscal_years_added_by_id_people_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_profiles" ADD CONSTRAINT "compensation_profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_statement_lines" ADD CONSTRAINT "compensation_statement_lines_statement_id_compensation_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."compensation_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_statement_lines" ADD CONSTRAINT "compensation_statement_lines_resolved_by_id_people_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_statements" ADD CONSTRAINT "compensation_statements_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_statements" ADD CONSTRAINT "compensation_statements_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_statements" ADD CONSTRAINT "compensation_statements_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_statements" ADD CONSTRAINT "compensation_statements_coach_person_id_people_id_fk" FOREIGN KEY ("coach_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_statements" ADD CONSTRAINT "compensation_statements_approved_by_id_people_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compensation_extra_work_coach_idx" ON "compensation_extra_work" USING btree ("coach_person_id","worked_on");--> statement-breakpoint
CREATE INDEX "compensation_extra_work_programme_idx" ON "compensation_extra_work" USING btree ("programme_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_fiscal_years_uq" ON "compensation_fiscal_years" USING btree ("institution_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_statement_lines_source_uq" ON "compensation_statement_lines" USING btree ("coach_person_id","source");--> statement-breakpoint
CREATE INDEX "compensation_statement_lines_statement_idx" ON "compensation_statement_lines" USING btree ("statement_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_statements_coach_month_uq" ON "compensation_statements" USING btree ("coach_person_id","month");--> statement-breakpoint
CREATE INDEX "compensation_statements_programme_month_idx" ON "compensation_statements" USING btree ("programme_id","month");--> statement-breakpoint
CREATE INDEX "compensation_statements_payable_idx" ON "compensation_statements" USING btree ("institution_id") WHERE "compensation_statements"."status" = 'approved' and "compensation_statements"."paid_on" is null;