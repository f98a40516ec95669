import { formatDateTime } from "@/lib/dates";
import type { findComments } from "../comment-reads";

type Comments = Awaited<ReturnType<typeof findComments>>;

/** The scheme's thread, oldest first; each comment is a link target (mentions link to it). */
export function CommentThread({ comments }: { comments: Comments }) {
  if (comments.length === 0) return <p>No comments yet.</p>;
  return (
    <ol className="space-y-4">
      {comments.map((c) => (
        <li key={c.id} id={`comment-${c.id}`} className="scroll-mt-4 border-l-4 border-nhs-blue pl-3">
          <p className="text-sm">
            <span className="font-semibold">{c.author.name}</span>
            <span className="text-nhs-secondary">
              {" "}
              · <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
            </span>
          </p>
          <p className="break-words whitespace-pre-line">{c.body}</p>
          {c.mentions.length > 0 && (
            <p className="text-sm text-nhs-secondary">
              Mentioned: {c.mentions.map((m) => `@${m.user.name}`).join(", ")}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
