ALTER TYPE "public"."role" ADD VALUE 'finance';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'opleidingsmanagement';