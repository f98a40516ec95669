"use client";

import { useActionState, useRef, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FieldIdPrefix } from "@/components/ui/field";
import { FormStatus, InlineFormStatus, fieldErrors } from "@/components/ui/form-status";
import type { ActionState } from "@/server/action";
import { deleteAttachmentAction, uploadAttachmentAction } from "../attachment-actions";
import { ACCEPT_ATTRIBUTE } from "../attachment-types";

/** Upload: one file at a time; the server decides the type from the bytes, `accept` only helps the picker. */
export function UploadAttachmentForm({ schemeId }: { schemeId: string }) {
  const [state, formAction, pending] = useActionState<ActionState<{ attachmentId: string }> | null, FormData>(
    uploadAttachmentAction,
    null,
  );
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = fieldErrors(state, "file");
  return (
    <FieldIdPrefix value="attachment">
      <form ref={form} action={formAction} className="mt-4" encType="multipart/form-data">
        <FormStatus state={state} />
        <input type="hidden" name="schemeId" value={schemeId} />
        <div className={`mb-4 ${errors ? "border-l-4 border-nhs-red pl-3" : ""}`}>
          <label htmlFor="attachment-file" className="block font-semibold">
            Attach a file
          </label>
          <p id="attachment-file-hint" className="text-sm text-nhs-secondary">
            PDF, Word (.docx), Excel (.xlsx), PNG, JPEG or CSV, up to 10 MB.
          </p>
          {errors && (
            <p id="attachment-file-error" className="font-semibold text-nhs-red">
              <span className="sr-only">Error: </span>
              {errors.join(". ")}
            </p>
          )}
          <input
            id="attachment-file"
            name="file"
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            aria-describedby={`attachment-file-hint${errors ? " attachment-file-error" : ""}`}
            aria-invalid={errors ? true : undefined}
            className="mt-1 block max-w-full"
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Uploading…" : "Upload"}
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

/** Removal asks twice without JavaScript: the button sits inside a disclosure. */
export function DeleteAttachmentForm({
  schemeId,
  attachmentId,
  fileName,
}: {
  schemeId: string;
  attachmentId: string;
  fileName: string;
}) {
  const [state, formAction, pending] = useActionState<
    ActionState<{ attachmentId: string; fileName: string }> | null,
    FormData
  >(deleteAttachmentAction, null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold text-nhs-red">
        Remove<span className="sr-only"> {fileName}</span>
      </summary>
      <form action={formAction} className="mt-2 flex flex-wrap items-center gap-2">
        <input type="hidden" name="schemeId" value={schemeId} />
        <input type="hidden" name="attachmentId" value={attachmentId} />
        <Button type="submit" variant="danger" disabled={pending}>
          Remove {fileName} for good
        </Button>
        <InlineFormStatus state={state} />
      </form>
    </details>
  );
}
