import type pg from "pg";
import { financialYearOf } from "../../../src/lib/financial-year";

/**
 * Who the load run signs in and what each does (DESIGN.md section 6, issue 19 item 3): 50
 * signed-in users, each on their own connection, as finance, leads and board members would use
 * the app in month-end week. Reads outnumber writes; every save is a lead's monthly update on a
 * scheme they lead (each saver its own scheme, so conflicts would be a bug, not the mix).
 */
export interface LoadUser {
  email: string;
  /** The scheme a lead views or saves (leads only). */
  schemeId?: string;
}

export interface PageLoad {
  name: string;
  connections: number;
  users: LoadUser[];
  /** GET this path (per user). */
  path: (user: LoadUser) => string;
  /** A monthly-update save after each view: the scheme page's form posted back. */
  save?: boolean;
}

export const MIX = [
  { name: "finance dashboard (own organisation)", connections: 8, role: "FINANCE", path: () => "/dashboard" },
  { name: "scheme register (default filter)", connections: 7, role: "FINANCE", path: () => "/schemes" },
  { name: "board summary", connections: 8, role: "BOARD", path: () => "/board" },
  { name: "route map (default view)", connections: 7, role: "LEAD", path: () => "/route-map" },
  {
    name: "scheme page (lead's own scheme)",
    connections: 8,
    role: "LEAD",
    path: (u: LoadUser) => `/schemes/${u.schemeId}`,
  },
  {
    name: "monthly update (form, then save)",
    connections: 12,
    role: "LEAD",
    path: (u: LoadUser) => `/schemes/${u.schemeId}`,
    save: true,
  },
] as const;

/** Distinct users for the mix: finance and board members by role, leads with a live scheme each. */
export async function loadUsers(pool: pg.Pool, scale = 1): Promise<PageLoad[]> {
  const year = financialYearOf(new Date());
  const byRole = async (role: string) =>
    (
      await pool.query<{ email: string }>(
        `SELECT DISTINCT u.email FROM app_user u JOIN membership m ON m.user_id = u.id
         WHERE m.role = $1 AND u.active ORDER BY u.email`,
        [role],
      )
    ).rows.map((r) => ({ email: r.email }));
  // One delivery scheme of this year per lead (the one with the lowest code), each lead once.
  const leads = (
    await pool.query<{ email: string; scheme_id: string }>(
      `SELECT DISTINCT ON (u.id) u.email, s.id AS scheme_id
       FROM scheme s JOIN app_user u ON u.id = s.lead_id
       JOIN membership m ON m.user_id = u.id AND m.organisation_id = s.organisation_id AND m.role = 'LEAD'
       WHERE s.stage = 'DELIVERY' AND s.financial_year = $1 AND u.active
       ORDER BY u.id, s.code`,
      [year],
    )
  ).rows.map((r) => ({ email: r.email, schemeId: r.scheme_id }));
  const pools: Record<string, LoadUser[]> = {
    FINANCE: await byRole("FINANCE"),
    BOARD: await byRole("BOARD"),
    LEAD: leads,
  };
  const taken: Record<string, number> = { FINANCE: 0, BOARD: 0, LEAD: 0 };
  return MIX.map((page) => {
    const connections = Math.max(1, Math.round(page.connections * scale));
    const pool = pools[page.role]!;
    const users = pool.slice(taken[page.role], taken[page.role]! + connections);
    taken[page.role]! += connections;
    if (users.length < connections)
      throw new Error(
        `Not enough ${page.role} users for "${page.name}" (${users.length} of ${connections}): regenerate the bench data`,
      );
    return { name: page.name, connections, users, path: page.path, ...("save" in page ? { save: page.save } : {}) };
  });
}
