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
CREATE INDEX "expense_claims_programme_idx" ON "expense_claims" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "expense_claims_coach_idx" ON "expense_claims" USING btree ("coach_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "expense_receipts_claim_uq" ON "expense_receipts" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "expense_receipts_owner_idx" ON "expense_receipts" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_batches_message_uq" ON "payout_batches" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "payout_batches_institution_idx" ON "payout_batches" USING btree ("institution_id","created_at");--> statement-breakpoint
CREATE INDEX "payout_transfers_batch_idx" ON "payout_transfers" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_transfers_statement_uq" ON "payout_transfers" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_transfers_claim_uq" ON "payout_transfers" USING btree ("claim_id");