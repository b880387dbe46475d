CREATE TABLE "participation_sign_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"signed_up_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participation_sign_ups" ADD CONSTRAINT "participation_sign_ups_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_sign_ups" ADD CONSTRAINT "participation_sign_ups_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "participation_sign_ups_intake_person_uq" ON "participation_sign_ups" USING btree ("intake_id","person_id");--> statement-breakpoint
CREATE INDEX "participation_sign_ups_person_idx" ON "participation_sign_ups" USING btree ("person_id");