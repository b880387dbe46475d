CREATE TABLE "participation_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text,
	"reminder_token_hash" text,
	"invited_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participation_invitations" ADD CONSTRAINT "participation_invitations_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_invitations" ADD CONSTRAINT "participation_invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "participation_invitations_intake_person_uq" ON "participation_invitations" USING btree ("intake_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_invitations_token_uq" ON "participation_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_invitations_reminder_token_uq" ON "participation_invitations" USING btree ("reminder_token_hash");--> statement-breakpoint
CREATE INDEX "participation_invitations_person_idx" ON "participation_invitations" USING btree ("person_id");