-- Risk registers on schemes: a risk belongs to exactly one register, a programme's (optionally
-- one of its workstreams) or a scheme's.

ALTER TABLE "risk" ALTER COLUMN "programme_id" DROP NOT NULL;
ALTER TABLE "risk" ADD COLUMN "scheme_id" UUID;
CREATE INDEX "risk_scheme_id_idx" ON "risk"("scheme_id");
ALTER TABLE "risk" ADD CONSTRAINT "risk_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "risk" ADD CONSTRAINT "risk_one_register" CHECK (
  ("programme_id" IS NULL) <> ("scheme_id" IS NULL)
  AND ("workstream_id" IS NULL OR "programme_id" IS NOT NULL)
);
