ALTER TABLE "conversations" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every update raises the version by one, whatever statement makes it (the inbox keeps the newest view of a conversation).
CREATE FUNCTION "conversations_next_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "conversations_version" BEFORE UPDATE ON "conversations" FOR EACH ROW EXECUTE FUNCTION "conversations_next_version"();
