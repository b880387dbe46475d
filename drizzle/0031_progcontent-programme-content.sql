ALTER TABLE "help_resources" ADD COLUMN "programme_id" uuid;--> statement-breakpoint
ALTER TABLE "custom_activities" ADD COLUMN "programme_id" uuid;--> statement-breakpoint
ALTER TABLE "help_resources" ADD CONSTRAINT "help_resources_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_activities" ADD CONSTRAINT "custom_activities_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_resources_programme_idx" ON "help_resources" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "custom_activities_programme_idx" ON "custom_activities" USING btree ("programme_id");