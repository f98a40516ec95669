-- Finance's monthly commentary for the board pack (issue 13): one per organisation, year and month.
CREATE TABLE "board_commentary" (
    "organisation_id" UUID NOT NULL,
    "financial_year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "updated_by_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "board_commentary_pkey" PRIMARY KEY ("organisation_id", "financial_year", "month"),
    CONSTRAINT "board_commentary_month_valid" CHECK ("month" BETWEEN 1 AND 12),
    CONSTRAINT "board_commentary_body_length" CHECK (char_length("body") BETWEEN 1 AND 4000)
);

ALTER TABLE "board_commentary" ADD CONSTRAINT "board_commentary_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "board_commentary" ADD CONSTRAINT "board_commentary_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
