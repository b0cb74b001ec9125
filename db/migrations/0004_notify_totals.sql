-- Every change to a counter tells listeners which total moved: "petition:<id>", "pledge:<id>" or
-- "commitment:<id>". NOTIFY is delivered on commit and deduplicated within a transaction, so a
-- confirmation that moves two states of one total sends one message.
CREATE FUNCTION "count_slots_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('upstand_totals', NEW.subject::text || ':' || NEW.subject_id::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "count_slots_notify" AFTER INSERT OR UPDATE ON "count_slots"
  FOR EACH ROW EXECUTE FUNCTION "count_slots_notify"();
