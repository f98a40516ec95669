"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FieldIdPrefix, TextAreaField, useFieldId } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import type { ActionState } from "@/server/action";
import { postCommentAction } from "../comment-actions";
import { COMMENT_MAX_LENGTH } from "../comment-schemas";

/**
 * A new comment. "Mention" lists the people who can see the scheme as checkboxes (any number, keyboard
 * and screen-reader friendly, no script needed); typing @their.email@... in the text works too.
 */
export function CommentForm({
  schemeId,
  people,
}: {
  schemeId: string;
  people: { id: string; name: string; email: string }[];
}) {
  const [state, formAction, pending] = useActionState<
    ActionState<{ commentId: string; mentioned: string[] }> | null,
    FormData
  >(postCommentAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <FieldIdPrefix value="comment">
      <form ref={form} action={formAction} className="mt-4">
        <FormStatus state={state} />
        <input type="hidden" name="schemeId" value={schemeId} />
        <TextAreaField
          name="body"
          label="Add a comment"
          maxLength={COMMENT_MAX_LENGTH}
          errors={fieldErrors(state, "body")}
        />
        <MentionPicker people={people} errors={fieldErrors(state, "mentions")} />
        <Button type="submit" disabled={pending}>
          {pending ? "Posting…" : "Post comment"}
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

/** The people who can see the scheme, in a scrolling box once there are more than a few. */
function MentionPicker({
  people,
  errors,
}: {
  people: { id: string; name: string; email: string }[];
  errors: string[] | undefined;
}) {
  // The error summary links to the field's id: here the first checkbox, as GOV.UK does for a group.
  const id = useFieldId("mentions");
  if (people.length === 0) return null;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset
      className={`mb-4 ${errorId ? "border-l-4 border-nhs-red pl-3" : ""}`}
      aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}
    >
      <legend className="font-semibold">Mention (optional)</legend>
      <p id={`${id}-hint`} className="text-sm text-nhs-secondary">
        They will see the comment under &lsquo;Waiting for you&rsquo;. Tick everyone who should.
      </p>
      {errorId && <FieldError id={errorId} errors={errors!} />}
      <ul className="mt-2 max-h-48 max-w-xl space-y-1 overflow-y-auto rounded border border-nhs-border p-2">
        {people.map((p, i) => (
          <li key={p.id}>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                id={i === 0 ? id : `${id}-${i}`}
                name="mentions"
                value={p.email}
                className="h-5 w-5"
              />
              <span>
                {p.name} <span className="text-sm text-nhs-secondary">({p.email})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
