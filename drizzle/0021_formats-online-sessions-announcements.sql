CREATE TABLE "community_announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "session_mode" text DEFAULT 'onCampus' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "meeting_link" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "chat_link" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "mode" text DEFAULT 'onCampus' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "meeting_link" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "community_announcements" ADD CONSTRAINT "community_announcements_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_announcements" ADD CONSTRAINT "community_announcements_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_announcements_community_idx" ON "community_announcements" USING btree ("community_id","created_at");--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_session_mode_ck" CHECK ("communities"."session_mode" in ('onCampus', 'online', 'hybrid'));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_mode_ck" CHECK ("sessions"."mode" in ('onCampus', 'online', 'hybrid'));