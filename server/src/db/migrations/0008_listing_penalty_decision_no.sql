ALTER TABLE "credit_list_entry" ADD COLUMN "penalty_decision_no" varchar(100);--> statement-breakpoint
-- Hand-written backfill. Until now a serious-violation listing stored the penalty decision's 文号 in
-- decision_no (the form had no field for the listing decision's own number): move it to
-- penalty_decision_no where it is the penalty's number (it matches the linked penalty record, or no
-- record matched it and the entry carries that warning). Listings whose decision_no is their own
-- 文号 (the demo's 津市监列严〔…〕) keep it. Then every entry resting on a penalty record names it.
UPDATE "credit_list_entry" e SET "penalty_decision_no" = e."decision_no", "decision_no" = NULL
WHERE e."list" = 'serious-violation' AND e."decision_no" IS NOT NULL
  AND (e."warning" IS NOT NULL OR EXISTS (SELECT 1 FROM "archive_record" a WHERE a."id" = e."source_record_id" AND a."payload"->>'decisionNo' = e."decision_no"));--> statement-breakpoint
UPDATE "credit_list_entry" e SET "penalty_decision_no" = a."payload"->>'decisionNo'
FROM "archive_record" a
WHERE a."id" = e."source_record_id" AND e."penalty_decision_no" IS NULL AND e."list" IN ('serious-violation', 'penalty-publication');
