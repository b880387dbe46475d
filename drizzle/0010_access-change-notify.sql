-- The app caches the signed-in session with its role grants, and each session with the people it
-- concerns (src/server/db/access-cache.ts). Any statement that changes a table those reads come
-- from tells every listening instance to drop its caches. Notifications are sent at commit, and
-- PostgreSQL folds identical ones within a transaction into one.
CREATE OR REPLACE FUNCTION peerkracht_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('peerkracht_access', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A new sign-in cannot be cached yet; a sign-out, an expiry clean-up or a password reset can.
CREATE TRIGGER auth_sessions_access_changed AFTER UPDATE OR DELETE OR TRUNCATE ON auth_sessions FOR EACH STATEMENT EXECUTE FUNCTION peerkracht_access_changed();
--> statement-breakpoint
CREATE TRIGGER people_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION peerkracht_access_changed();
--> statement-breakpoint
CREATE TRIGGER role_assignments_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments FOR EACH STATEMENT EXECUTE FUNCTION peerkracht_access_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION peerkracht_access_changed();
--> statement-breakpoint
CREATE TRIGGER communities_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON communities FOR EACH STATEMENT EXECUTE FUNCTION peerkracht_access_changed();
--> statement-breakpoint
CREATE TRIGGER community_members_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON community_members FOR EACH STATEMENT EXECUTE FUNCTION peerkracht_access_changed();
--> statement-breakpoint
CREATE TRIGGER class_members_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON class_members FOR EACH STATEMENT EXECUTE FUNCTION peerkracht_access_changed();
--> statement-breakpoint
CREATE TRIGGER coach_supervision_access_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON coach_supervision FOR EACH STATEMENT EXECUTE FUNCTION peerkracht_access_changed();
