-- The consent ledger is append-only: an event, once written, is never changed. Deleting is
-- allowed only through erasure of the person (ON DELETE CASCADE from people).
CREATE FUNCTION consent_events_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_events is append-only' USING ERRCODE = '55000';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events
  FOR EACH ROW EXECUTE FUNCTION consent_events_no_update();
