import type { OrganisationType } from "@/generated/prisma/enums";

/** A system-wide role belongs to the ICB's recovery programme office (DESIGN.md section 1). */
export function systemWideError(systemWide: boolean, organisationType: OrganisationType): string | null {
  return systemWide && organisationType !== "ICB" ? "Only a role held at an ICB can cover the whole system" : null;
}
