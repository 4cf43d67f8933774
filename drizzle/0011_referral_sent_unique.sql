-- Before this index two sendings at once could both be stored. Keep the earliest waiting referral of a case to an agency and return the later copies (with the reason), so the index can be built.
UPDATE "referrals" AS r SET "state" = 'returned', "answered_at" = now(), "return_reason" = '同時に二重に送られたつなぎのため、先に送られた方を残しました（sent twice at once; the earlier one stands）'
WHERE r."state" = 'sent' AND EXISTS (
  SELECT 1 FROM "referrals" AS e
  WHERE e."case_id" = r."case_id" AND e."to_agency_id" = r."to_agency_id" AND e."state" = 'sent' AND (e."sent_at", e."id") < (r."sent_at", r."id")
);--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_case_agency_sent_unique" ON "referrals" USING btree ("case_id","to_agency_id") WHERE state = 'sent';
