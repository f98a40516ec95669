-- Issue 11 item 3: CIP and QIPP held side by side. A savings target is per organisation, financial
-- year and programme type; existing targets take their organisation's own programme (an ICB's is
-- QIPP, a trust's CIP). A trust may hold QIPP-style schemes its ICB delegates (holds_delegated_qipp).
ALTER TABLE "organisation" ADD COLUMN "holds_delegated_qipp" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "savings_target" ADD COLUMN "programme_type" "scheme_type";
UPDATE "savings_target" t
   SET "programme_type" = CASE WHEN o."type" = 'ICB' THEN 'QIPP'::"scheme_type" ELSE 'CIP'::"scheme_type" END
  FROM "organisation" o
 WHERE o."id" = t."organisation_id";
ALTER TABLE "savings_target" ALTER COLUMN "programme_type" SET NOT NULL;
ALTER TABLE "savings_target" DROP CONSTRAINT "savings_target_pkey";
ALTER TABLE "savings_target" ADD CONSTRAINT "savings_target_pkey" PRIMARY KEY ("organisation_id", "financial_year", "programme_type");
