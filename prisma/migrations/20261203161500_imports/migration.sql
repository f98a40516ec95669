-- Spreadsheet imports (issue 12): confirmed import runs and stages set by an initial load.
CREATE TABLE "import_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actor_id" UUID NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "counts" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "import_run_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "import_run_sha256_idx" ON "import_run"("sha256");
ALTER TABLE "import_run" ADD CONSTRAINT "import_run_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "scheme_stage_import" (
    "scheme_id" UUID NOT NULL,
    "import_run_id" UUID NOT NULL,
    "stage" "scheme_stage" NOT NULL,
    CONSTRAINT "scheme_stage_import_pkey" PRIMARY KEY ("scheme_id")
);
CREATE INDEX "scheme_stage_import_import_run_id_idx" ON "scheme_stage_import"("import_run_id");
ALTER TABLE "scheme_stage_import" ADD CONSTRAINT "scheme_stage_import_scheme_id_fkey" FOREIGN KEY ("scheme_id") REFERENCES "scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scheme_stage_import" ADD CONSTRAINT "scheme_stage_import_import_run_id_fkey" FOREIGN KEY ("import_run_id") REFERENCES "import_run"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
