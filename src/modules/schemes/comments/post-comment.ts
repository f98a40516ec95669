import { recordAudit } from "@/modules/audit/record-audit";
import { assertCan, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { invalidField, notFound } from "@/server/errors";
import { routes } from "@/server/routes";
import { schemeScope } from "../scheme-access";
import { findMentionableUsers } from "./comment-reads";
import { inlineMentions } from "./comment-rules";
import type { PostCommentInput } from "./comment-schemas";

/**
 * Adds a comment to a scheme's thread. Anyone who may see the scheme and is not read-only may
 * comment (board members read only: DESIGN.md section 1). Each person mentioned must be able to see
 * the scheme; they get a MENTION notification (title only, as notifications go into emails).
 * Comment, mentions, notifications and audit event land in one transaction.
 */
export async function postComment(actor: Actor, input: PostCommentInput) {
  const scheme = await db().scheme.findFirst({
    where: { id: input.schemeId, ...schemeScope(actor) },
    select: { id: true, code: true, title: true, organisationId: true, organisation: { select: { systemId: true } } },
  });
  if (!scheme) throw notFound("The scheme");
  assertCan(actor, "scheme.comment", scheme.organisationId, "Board members can read comments but not write them.");

  const wanted = [...new Set([...input.mentions, ...inlineMentions(input.body)])];
  const people = wanted.length
    ? await findMentionableUsers({ organisationId: scheme.organisationId, systemId: scheme.organisation.systemId })
    : [];
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const missing = wanted.filter((email) => !byEmail.has(email));
  if (missing.length)
    throw invalidField(
      "mentions",
      `${missing.join(", ")} ${missing.length === 1 ? "is not someone" : "are not people"} who can see this scheme`,
    );
  const mentioned = wanted.map((email) => byEmail.get(email)!);

  return db().$transaction(async (tx) => {
    const comment = await tx.schemeComment.create({
      data: {
        schemeId: scheme.id,
        authorId: actor.userId,
        body: input.body,
        mentions: { create: mentioned.map((p) => ({ userId: p.id })) },
      },
      select: { id: true, createdAt: true },
    });
    const notify = mentioned.filter((p) => p.id !== actor.userId);
    if (notify.length)
      await tx.notification.createMany({
        data: notify.map((p) => ({
          userId: p.id,
          organisationId: scheme.organisationId,
          kind: "MENTION" as const,
          causeKey: `mention:${comment.id}`,
          title: `${actor.name} mentioned you on ${scheme.code}`,
          detail: scheme.title.slice(0, 300),
          href: routes.schemeSection(scheme.id, `comment-${comment.id}`),
          waitingSince: comment.createdAt,
        })),
      });
    await recordAudit(tx, actor, {
      action: "scheme.comment.add",
      entityType: "scheme",
      entityId: scheme.id,
      organisationId: scheme.organisationId,
      after: { commentId: comment.id, body: input.body, mentioned: mentioned.map((p) => p.name) },
    });
    return { commentId: comment.id, mentioned: mentioned.map((p) => p.name) };
  });
}
