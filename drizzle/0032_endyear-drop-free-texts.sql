ALTER TABLE "coach_year_reports" DROP COLUMN "went_well";--> statement-breakpoint
ALTER TABLE "coach_year_reports" DROP COLUMN "was_hard";--> statement-breakpoint
ALTER TABLE "coach_year_reports" DROP COLUMN "advice";