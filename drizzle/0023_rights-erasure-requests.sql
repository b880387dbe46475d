CREATE TABLE "erasure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"person_id" uuid,
	"programme_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"done_as" text,
	"outcome" jsonb,
	"confirmation_mail_id" uuid,
	CONSTRAINT "erasure_requests_done_has_no_person" CHECK ("erasure_requests"."status" = 'open' or ("erasure_requests"."person_id" is null and "erasure_requests"."reason" is null))
);
--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_done_by_id_people_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "erasure_requests_institution_idx" ON "erasure_requests" USING btree ("institution_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "erasure_requests_open_person_idx" ON "erasure_requests" USING btree ("person_id") WHERE "erasure_requests"."status" = 'open';