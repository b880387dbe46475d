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
CREATE TABLE "coach_bank_accounts" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"iban_encrypted" "bytea" NOT NULL,
	"iban_masked" text NOT NULL,
	"holder_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"coach_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"amount_cents" integer NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"promised_pay_date" date,
	"payout_id" uuid,
	"paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_claims_amount_ck" CHECK ("expense_claims"."amount_cents" > 0 and "expense_claims"."amount_cents" <= 100000),
	CONSTRAINT "expense_claims_category_ck" CHECK ("expense_claims"."category" in ('groceries', 'travel', 'materials', 'other')),
	CONSTRAINT "expense_claims_status_ck" CHECK ("expense_claims"."status" in ('submitted', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "expense_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"claim_id" uuid,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_receipts_type_ck" CHECK ("expense_receipts"."content_type" in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf'))
);
--> statement-breakpoint
CREATE TABLE "institution_payment_settings" (
	"institution_id" uuid PRIMARY KEY NOT NULL,
	"debtor_name" text NOT NULL,
	"debtor_iban" text NOT NULL,
	"debtor_bic" text,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"execution_date" date NOT NULL,
	"transfer_count" integer NOT NULL,
	"control_sum_cents" integer NOT NULL,
	"sepa_xml_encrypted" "bytea" NOT NULL,
	"csv_encrypted" "bytea" NOT NULL,
	"created_by_id" uuid,
	"paid_on" date,
	"marked_paid_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_reminders" (
	"item_kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_reminders_item_kind_item_id_pk" PRIMARY KEY("item_kind","item_id")
);
--> statement-breakpoint
CREATE TABLE "payout_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"coach_id" uuid,
	"kind" text NOT NULL,
	"statement_id" uuid,
	"claim_id" uuid,
	"amount_cents" integer NOT NULL,
	"end_to_end_id" text NOT NULL,
	CONSTRAINT "payout_transfers_kind_ck" CHECK ("payout_transfers"."kind" in ('allowance', 'expense'))
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
ALTER TABLE "coach_bank_accounts" ADD CONSTRAINT "coach_bank_accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_bank_accounts" ADD CONSTRAINT "coach_bank_accounts_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_coach_id_people_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_payout_id_payout_batches_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payout_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD CONSTRAINT "expense_receipts_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD CONSTRAINT "expense_receipts_claim_id_expense_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."expense_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_payment_settings" ADD CONSTRAINT "institution_payment_settings_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_payment_settings" ADD CONSTRAINT "institution_payment_settings_updated_by_id_people_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_marked_paid_by_id_people_id_fk" FOREIGN KEY ("marked_paid_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_reminders" ADD CONSTRAINT "payout_reminders_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_transfers" ADD CONSTRAINT "payout_transfers_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_transfers" ADD CONSTRAINT "payout_transfers_coach_id_people_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_transfers" ADD CONSTRAINT "payout_transfers_claim_id_expense_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."expense_claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compensation_extra_work_coach_idx" ON "compensation_extra_work" USING btree ("coach_person_id","worked_on");--> statement-breakpoint
CREATE INDEX "compensation_extra_work_programme_idx" ON "compensation_extra_work" USING btree ("programme_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_fiscal_years_uq" ON "compensation_fiscal_years" USING btree ("institution_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_statement_lines_source_uq" ON "compensation_statement_lines" USING btree ("coach_person_id","source");--> statement-breakpoint
CREATE INDEX "compensation_statement_lines_statement_idx" ON "compensation_statement_lines" USING btree ("statement_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_statements_coach_month_uq" ON "compensation_statements" USING btree ("coach_person_id","month");--> statement-breakpoint
CREATE INDEX "compensation_statements_programme_month_idx" ON "compensation_statements" USING btree ("programme_id","month");--> statement-breakpoint
CREATE INDEX "compensation_statements_payable_idx" ON "compensation_statements" USING btree ("institution_id") WHERE "compensation_statements"."status" = 'approved' and "compensation_statements"."paid_on" is null;--> statement-breakpoint
CREATE INDEX "expense_claims_programme_idx" ON "expense_claims" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "expense_claims_coach_idx" ON "expense_claims" USING btree ("coach_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "expense_receipts_claim_uq" ON "expense_receipts" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "expense_receipts_owner_idx" ON "expense_receipts" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_batches_message_uq" ON "payout_batches" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "payout_batches_institution_idx" ON "payout_batches" USING btree ("institution_id","created_at");--> statement-breakpoint
CREATE INDEX "payout_transfers_batch_idx" ON "payout_transfers" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_transfers_statement_uq" ON "payout_transfers" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_transfers_claim_uq" ON "payout_transfers" USING btree ("claim_id");