"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FieldIdPrefix, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import type { ActionState } from "@/server/action";
import { postCommentAction } from "../comment-actions";
import { COMMENT_MAX_LENGTH } from "../comment-schemas";

/**
 * A new comment. "Mention" suggests the people who can see the scheme (a native datalist: keyboard
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
        <TextField
          name="mentions"
          label="Mention (optional)"
          hint="They will see the comment under 'Waiting for you'. Start typing a name; separate several people with commas."
          list="comment-mention-people"
          autoComplete="off"
          errors={fieldErrors(state, "mentions")}
        />
        <datalist id="comment-mention-people">
          {people.map((p) => (
            <option key={p.id} value={p.email}>
              {p.name}
            </option>
          ))}
        </datalist>
        <Button type="submit" disabled={pending}>
          {pending ? "Posting…" : "Post comment"}
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
