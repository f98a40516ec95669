import type { Role } from "@/generated/prisma/enums";

/**
 * What each role may do (DESIGN.md section 1). `satisfies Record<Role, ...>` means a new
 * role does not compile until it is given its capabilities here.
 */
export const CAPABILITIES = [
  "dashboard.view",
  "admin.view",
  "organisation.manage",
  "user.manage",
  "programme.manage",
  "activity.update.own",
  "kpi.update.own",
  "scheme.create",
  "scheme.edit.any",
  "scheme.edit.own",
  "scheme.submit",
  "gateway.decide",
  "period.close",
  "target.manage",
  "plan.rebaseline",
  "qia.sign",
  "risk.manage.any",
  "risk.manage.own",
  "board.commentary.write",
  "portfolio.manage",
  /** A personal token for the read API (leads only when API_TOKENS_FOR_LEADS is on). */
  "api.token.create",
  /** Write in a scheme's comment thread (anyone who sees the scheme and is not read-only). */
  "scheme.comment",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ROLE_CAPABILITIES = {
  FINANCE: [
    "dashboard.view",
    "programme.manage",
    "scheme.create",
    "scheme.edit.any",
    "gateway.decide",
    "period.close",
    "target.manage",
    "plan.rebaseline",
    "risk.manage.any",
    "board.commentary.write",
    "portfolio.manage",
    "api.token.create",
    "scheme.comment",
  ],
  LEAD: [
    "dashboard.view",
    "activity.update.own",
    "kpi.update.own",
    "scheme.create",
    "scheme.edit.own",
    "scheme.submit",
    "risk.manage.own",
    "scheme.comment",
  ],
  CLINICAL_APPROVER: ["dashboard.view", "qia.sign", "scheme.comment"],
  BOARD: ["dashboard.view", "api.token.create"],
  ADMIN: ["dashboard.view", "admin.view", "organisation.manage", "user.manage", "programme.manage", "api.token.create"],
} as const satisfies Record<Role, readonly Capability[]>;

export const ROLE_LABELS = {
  FINANCE: "Finance director / PMO",
  LEAD: "Programme / scheme lead",
  CLINICAL_APPROVER: "Clinical approver",
  BOARD: "Board member",
  ADMIN: "Administrator",
} as const satisfies Record<Role, string>;

export function roleHasCapability(role: Role, capability: Capability): boolean {
  return (ROLE_CAPABILITIES[role] as readonly Capability[]).includes(capability);
}

export function rolesHaveCapability(roles: readonly Role[], capability: Capability): boolean {
  return roles.some((role) => roleHasCapability(role, capability));
}
