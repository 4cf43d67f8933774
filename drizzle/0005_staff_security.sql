ALTER TABLE "audit_log" ADD COLUMN "conversation_ids" uuid[];--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_conversation_ids_idx" ON "audit_log" USING gin ("conversation_ids");