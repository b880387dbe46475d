-- A one-on-one note belongs to its author alone, and a one-on-one stays with the coach who held it
-- (issue 14). Until now a one-on-one's organiser was taken from the community's current coach, so
-- after a coach change the new coach read and overwrote the old coach's note (which kept its first
-- author). From now on notes are keyed by (session, author) and the session's stored organiser
-- counts.
--
-- 1. Existing notes: the author becomes whoever wrote the text as it stands — under the old rule
--    the community's coach at the moment of the last write (community_coach_periods at
--    updated_at); when the community had no coach then, the session's stored organiser (what the
--    old rule fell back to); failing both, the author on record. Runs before step 2, which changes
--    the stored organiser the fallback reads.
UPDATE "one_on_one_notes" AS n
SET "author_id" = coalesce(
  (
    SELECT p."coach_id"
    FROM "sessions" s
    JOIN "community_coach_periods" p ON p."community_id" = s."community_id"
    WHERE s."id" = n."session_id"
      AND p."started_at" <= n."updated_at"
      AND (p."ended_at" IS NULL OR p."ended_at" > n."updated_at")
    ORDER BY p."started_at" DESC
    LIMIT 1
  ),
  (SELECT s."organiser_id" FROM "sessions" s WHERE s."id" = n."session_id"),
  n."author_id"
);
--> statement-breakpoint
-- 2. Existing one-on-ones: the organiser is the community's coach when the session was planned
--    (someone else, such as the coordinator, may have planned it for them); without a coach then,
--    the stored organiser stays.
UPDATE "sessions" AS s
SET "organiser_id" = p."coach_id"
FROM "community_coach_periods" AS p
WHERE s."type" = 'oneOnOne'
  AND p."community_id" = s."community_id"
  AND p."started_at" <= s."created_at"
  AND (p."ended_at" IS NULL OR p."ended_at" > s."created_at")
  AND s."organiser_id" IS DISTINCT FROM p."coach_id";
--> statement-breakpoint
ALTER TABLE "one_on_one_notes" DROP CONSTRAINT "one_on_one_notes_pkey";
--> statement-breakpoint
ALTER TABLE "one_on_one_notes" ADD CONSTRAINT "one_on_one_notes_session_id_author_id_pk" PRIMARY KEY("session_id","author_id");
