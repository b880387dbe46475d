CREATE TABLE "hundred_day_asks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"community_id" uuid,
	"token_hash" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"choice" text,
	"reason" text,
	"share_reason_with_coach" boolean DEFAULT false NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "hundred_day_asks_choice_ck" CHECK ("hundred_day_asks"."choice" is null or "hundred_day_asks"."choice" in ('continue', 'oneOnOnesOnly', 'lessOften', 'stop'))
);
--> statement-breakpoint
CREATE TABLE "programme_switch_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_programme_id" uuid NOT NULL,
	"to_programme_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"welcomed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "hundred_day_asks" ADD CONSTRAINT "hundred_day_asks_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hundred_day_asks" ADD CONSTRAINT "hundred_day_asks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hundred_day_asks" ADD CONSTRAINT "hundred_day_asks_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_switch_notices" ADD CONSTRAINT "programme_switch_notices_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_switch_notices" ADD CONSTRAINT "programme_switch_notices_from_programme_id_programmes_id_fk" FOREIGN KEY ("from_programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_switch_notices" ADD CONSTRAINT "programme_switch_notices_to_programme_id_programmes_id_fk" FOREIGN KEY ("to_programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hundred_day_asks_intake_person_uq" ON "hundred_day_asks" USING btree ("intake_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hundred_day_asks_token_uq" ON "hundred_day_asks" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "hundred_day_asks_community_idx" ON "hundred_day_asks" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "programme_switch_notices_to_idx" ON "programme_switch_notices" USING btree ("to_programme_id");