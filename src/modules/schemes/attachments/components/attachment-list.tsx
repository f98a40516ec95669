import { formatDate } from "@/lib/dates";
import { routes } from "@/server/routes";
import type { findAttachments } from "../attachment-reads";
import { formatFileSize } from "../attachment-types";
import { DeleteAttachmentForm } from "./attachment-forms";

type Attachments = Awaited<ReturnType<typeof findAttachments>>;

/** The scheme's files, newest first; downloads go through the route handler that checks access. */
export function AttachmentList({
  schemeId,
  attachments,
  mayRemove,
}: {
  schemeId: string;
  attachments: Attachments;
  mayRemove: boolean;
}) {
  if (attachments.length === 0) return <p>No attachments yet.</p>;
  return (
    <ul className="space-y-3">
      {attachments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 border-b border-nhs-border pb-2">
          <div className="min-w-0">
            <a href={routes.schemeAttachment(schemeId, a.id)} download={a.fileName} className="font-semibold break-all">
              {a.fileName}
            </a>
            <p className="text-sm text-nhs-secondary">
              {formatFileSize(a.sizeBytes)} · added by {a.uploadedBy.name} on {formatDate(a.uploadedAt)}
            </p>
          </div>
          {mayRemove && <DeleteAttachmentForm schemeId={schemeId} attachmentId={a.id} fileName={a.fileName} />}
        </li>
      ))}
    </ul>
  );
}
