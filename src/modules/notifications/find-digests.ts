import { db } from "@/server/db";

/** The latest digests sent (or tried) to people holding a role at the organisation: who was reminded, when, of what. */
export async function findRecentDigests(organisationId: string, take = 50) {
  const rows = await db().emailDigest.findMany({
    where: { user: { memberships: { some: { organisationId } } } },
    orderBy: [{ digestDate: "desc" }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      digestDate: true,
      status: true,
      attempts: true,
      sentAt: true,
      lastError: true,
      items: true,
      user: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    itemTitles: Array.isArray(r.items) ? r.items.map((i) => String((i as { title?: unknown }).title ?? "")) : [],
  }));
}
