import { canAnywhere, type Actor } from "@/server/auth/actor";
import type { Capability } from "@/server/auth/permissions";
import { routes } from "@/server/routes";

export interface NavItem {
  href: string;
  label: string;
  /** Shown when the actor holds this capability at any organisation; none = everyone. */
  capability?: Capability;
}

/** The app's sections; each role sees the ones it may use. Later features add theirs here. */
export const NAV_ITEMS: NavItem[] = [
  { href: routes.home, label: "Home" },
  { href: routes.dashboard, label: "Dashboard", capability: "dashboard.view" },
  { href: routes.board, label: "Board summary", capability: "dashboard.view" },
  { href: routes.schemes, label: "Schemes", capability: "dashboard.view" },
  { href: routes.gateways, label: "Gateways", capability: "gateway.decide" },
  { href: routes.qias, label: "QIAs", capability: "dashboard.view" },
  { href: routes.programmes, label: "Programmes", capability: "dashboard.view" },
  { href: routes.routeMap, label: "Route map", capability: "dashboard.view" },
  { href: routes.myActivities, label: "My activities", capability: "activity.update.own" },
  { href: routes.risks, label: "Risks", capability: "dashboard.view" },
  { href: routes.portfolio, label: "Portfolio review", capability: "dashboard.view" },
  { href: routes.leads, label: "Leads", capability: "programme.manage" },
  { href: routes.financeSettings, label: "Finance settings", capability: "period.close" },
  { href: routes.admin, label: "Organisations", capability: "admin.view" },
  { href: routes.adminUsers, label: "Users", capability: "user.manage" },
  { href: routes.apiTokens, label: "API tokens", capability: "api.token.create" },
];

export function navigationFor(actor: Actor): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.capability || canAnywhere(actor, item.capability));
}
