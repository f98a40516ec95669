import { describe, expect, it } from "vitest";
import { claimGroups, planGroupRoles, type GroupMapping, type HeldMembership } from "./sso-group-rules";

const ORG = "org-a";
const OTHER = "org-b";
const map = (id: string, groupId: string, role: GroupMapping["role"], organisationId = ORG): GroupMapping => ({
  id,
  organisationId,
  groupId,
  role,
});
const held = (
  id: string,
  role: HeldMembership["role"],
  ssoGroupRoleId: string | null,
  organisationId = ORG,
): HeldMembership => ({ id, organisationId, role, ssoGroupRoleId });

describe("claimGroups", () => {
  it("reads an array of group ids, lower-cased; anything else is no groups", () => {
    expect([...claimGroups(["AB-1", "cd-2", 3, "", "x".repeat(201)])]).toEqual(["ab-1", "cd-2"]);
    expect(claimGroups("ab-1").size).toBe(0);
    expect(claimGroups(undefined).size).toBe(0);
    expect(claimGroups({ groups: ["a"] }).size).toBe(0);
  });
});

describe("planGroupRoles", () => {
  const mappings = [
    map("m1", "finance-team", "FINANCE"),
    map("m2", "board", "BOARD"),
    map("m3", "board", "BOARD", OTHER),
  ];

  it("grants the mapped roles of the person's groups, at each mapped organisation", () => {
    expect(planGroupRoles(mappings, claimGroups(["BOARD"]), [])).toEqual({
      grant: [mappings[1], mappings[2]],
      revoke: [],
    });
  });

  it("takes no role from a group nobody mapped", () => {
    expect(planGroupRoles(mappings, claimGroups(["admins", "everyone"]), [])).toEqual({ grant: [], revoke: [] });
  });

  it("does not grant a role already held, by hand or by another mapping", () => {
    const byHand = [held("h1", "FINANCE", null)];
    expect(planGroupRoles(mappings, claimGroups(["finance-team"]), byHand).grant).toEqual([]);
    const twoGroups = [map("m4", "pmo", "FINANCE"), mappings[0]!];
    expect(planGroupRoles(twoGroups, claimGroups(["pmo", "finance-team"]), []).grant).toEqual([twoGroups[0]]);
  });

  it("revokes a mapped membership once its group is gone, and never one granted by hand", () => {
    const memberships = [held("h1", "FINANCE", "m1"), held("h2", "LEAD", null), held("h3", "BOARD", "m2")];
    expect(planGroupRoles(mappings, claimGroups(["board"]), memberships)).toEqual({
      grant: [mappings[2]],
      revoke: [memberships[0]],
    });
    expect(planGroupRoles(mappings, new Set(), memberships).revoke).toEqual([memberships[0], memberships[2]]);
  });

  it("re-grants through another mapping when the granting one is gone", () => {
    const memberships = [held("h1", "FINANCE", "gone")];
    expect(planGroupRoles(mappings, claimGroups(["finance-team"]), memberships)).toEqual({
      grant: [mappings[0]],
      revoke: [memberships[0]],
    });
  });
});
