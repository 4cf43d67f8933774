CREATE TABLE "safety_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"event" text NOT NULL,
	"answer" text,
	"channel" text NOT NULL,
	"message_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "conversations_agency_list_idx";--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "escalation_emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "duty" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "escalate_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "lane" integer GENERATED ALWAYS AS (case when coalesce((triage ->> 'urgency') = 'emergency', false) then 2 when coalesce((triage -> 'risk' ->> 'band') = 'check', false) and unread > 0 then 1 else 0 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "contact_consent" text;--> statement-breakpoint
ALTER TABLE "safety_checks" ADD CONSTRAINT "safety_checks_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_checks" ADD CONSTRAINT "safety_checks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_checks" ADD CONSTRAINT "safety_checks_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safety_checks_conversation_idx" ON "safety_checks" USING btree ("conversation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_checks_message_event_unique" ON "safety_checks" USING btree ("message_id","event");--> statement-breakpoint
CREATE INDEX "conversations_agency_lane_idx" ON "conversations" USING btree ("agency_id","lane" DESC NULLS LAST,"last_message_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
UPDATE "conversations" AS c SET "contact_consent" = (SELECT k."answer" FROM "consents" k WHERE k."conversation_id" = c."id" AND k."scope" = 'contact' ORDER BY k."id" DESC LIMIT 1);
