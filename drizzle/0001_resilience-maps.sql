CREATE TABLE "resilience_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" uuid NOT NULL,
	"coachee_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"progress" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resilience_group_shows" (
	"community_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"resource_ids" jsonb NOT NULL,
	"in_tally" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resilience_group_shows_community_id_owner_id_pk" PRIMARY KEY("community_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "resilience_map_shares" (
	"map_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resilience_map_shares_map_id_person_id_pk" PRIMARY KEY("map_id","person_id"),
	CONSTRAINT "resilience_map_shares_mode_ck" CHECK ("resilience_map_shares"."mode" in ('view', 'edit'))
);
--> statement-breakpoint
CREATE TABLE "resilience_maps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resilience_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"map_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"content" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resilience_conversations" ADD CONSTRAINT "resilience_conversations_coach_id_people_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resilience_conversations" ADD CONSTRAINT "resilience_conversations_coachee_id_people_id_fk" FOREIGN KEY ("coachee_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resilience_group_shows" ADD CONSTRAINT "resilience_group_shows_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resilience_group_shows" ADD CONSTRAINT "resilience_group_shows_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resilience_map_shares" ADD CONSTRAINT "resilience_map_shares_map_id_resilience_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."resilience_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resilience_map_shares" ADD CONSTRAINT "resilience_map_shares_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resilience_maps" ADD CONSTRAINT "resilience_maps_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resilience_snapshots" ADD CONSTRAINT "resilience_snapshots_map_id_resilience_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."resilience_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resilience_snapshots" ADD CONSTRAINT "resilience_snapshots_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resilience_conversations_coach_idx" ON "resilience_conversations" USING btree ("coach_id","coachee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resilience_maps_owner_uq" ON "resilience_maps" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "resilience_snapshots_map_idx" ON "resilience_snapshots" USING btree ("map_id","taken_on");