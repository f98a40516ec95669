-- Issue 11 item 6: keep a paper's activities as written. `number` stays the activity's unique key
-- within its programme; `number_as_written` is the number as printed where it differs (a paper
-- numbering 1, 2, 3, 3, 4 stores the second "3" as key "3a", shown "3"). `sub_items` are the
-- bullets under the description, as written (no punctuation added). `leads_as_written` is the lead
-- cell as printed ("Director of Service Development/ COO"); the parsed leads stay in activity_lead.
ALTER TABLE "activity" ADD COLUMN "number_as_written" VARCHAR(12);
ALTER TABLE "activity" ADD COLUMN "sub_items" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "activity" ADD COLUMN "leads_as_written" VARCHAR(200);
