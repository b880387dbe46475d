ALTER TABLE "coach_year_reports" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "coach_year_reports" ADD COLUMN "content_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "coach_year_reports" ADD COLUMN "submitted_at" timestamp with time zone;