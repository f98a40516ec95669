/** Every path of the app in one place: links and revalidation never build paths by hand. */
export const routes = {
  home: "/",
  signIn: "/sign-in",
  /** Where someone goes whose administrator required a new password (outside the app shell). */
  newPassword: "/new-password",
  /** The person's own account: change password. */
  account: "/account",
  dashboard: "/dashboard",
  board: "/board",
  admin: "/admin",
  adminOrganisation: (organisationId: string) => `/admin/organisations/${organisationId}`,
  adminUsers: "/admin/users",
  adminUser: (userId: string) => `/admin/users/${userId}`,
  programmes: "/programmes",
  programme: (programmeId: string) => `/programmes/${programmeId}`,
  workstream: (workstreamId: string) => `/workstreams/${workstreamId}`,
  routeMap: "/route-map",
  myActivities: "/my-activities",
  kpi: (kpiId: string) => `/kpis/${kpiId}`,
  leads: "/leads",
  risks: "/risks",
  newRisk: "/risks/new",
  risk: (riskId: string) => `/risks/${riskId}`,
  riskExport: "/api/risks/export",
  schemes: "/schemes",
  newScheme: "/schemes/new",
  scheme: (schemeId: string) => `/schemes/${schemeId}`,
  /** The monthly update form on the scheme page. */
  schemeUpdate: (schemeId: string) => `/schemes/${schemeId}#monthly-update`,
  /** A scheme's attachment, downloaded through the route handler that checks who may see the scheme. */
  schemeAttachment: (schemeId: string, attachmentId: string) => `/api/schemes/${schemeId}/attachments/${attachmentId}`,
  /** A section of the scheme page ("history", "comments"); `?historyPage=n` pages the history. */
  schemeSection: (schemeId: string, section: string) => `/schemes/${schemeId}#${section}`,
  schemeHistoryPage: (schemeId: string, page: number) => `/schemes/${schemeId}?historyPage=${page}#history`,
  schemeExport: "/api/schemes/export",
  schemeExportXlsx: "/api/schemes/export/xlsx",
  /** A scheme's quality impact assessment (current version; `?version=n` for an earlier one). */
  schemeQia: (schemeId: string) => `/schemes/${schemeId}/qia`,
  schemeEia: (schemeId: string) => `/schemes/${schemeId}/eia`,
  /** QIAs: awaiting my signature, by status, overdue reviews. */
  qias: "/qia",
  /** Gateway pipeline: schemes awaiting a decision, oldest first. */
  gateways: "/gateways",
  /** Service-line portfolio reviews (issue 17). */
  portfolio: "/portfolio",
  portfolioServiceLines: "/portfolio/service-lines",
  portfolioServiceLineTemplate: (organisationId: string) =>
    `/api/portfolio/service-lines/template?organisation=${encodeURIComponent(organisationId)}`,
  portfolioReview: (reviewId: string) => `/portfolio/reviews/${reviewId}`,
  /** The review on A4 for a board paper: criteria, matrix and ranked results. */
  portfolioReviewPrint: (reviewId: string) => `/portfolio/reviews/${reviewId}/print`,
  /** Finance settings: savings targets and month-end close, at one organisation. */
  financeSettings: "/finance",
  financeSettingsAt: (organisationId: string, financialYear?: number) =>
    `/finance?organisation=${encodeURIComponent(organisationId)}${financialYear === undefined ? "" : `&year=${financialYear}`}`,
  /** Excel import: upload -> preview -> import, and the template, per organisation. */
  imports: "/finance/import",
  /** The import page's streamed preview / import (POST). */
  importRun: "/api/imports/run",
  importsAt: (organisationId: string) => `/finance/import?organisation=${encodeURIComponent(organisationId)}`,
  /** An organisation's schemes and months in the import workbook's format (round-trips). */
  trackerExport: (organisationId: string) => `/api/imports/tracker?organisation=${encodeURIComponent(organisationId)}`,
  dashboardExport: "/api/dashboard/export",
  importTemplate: (organisationId: string) =>
    `/api/imports/template?organisation=${encodeURIComponent(organisationId)}`,
  /** My notifications: unread first, each linking to the form that clears it. */
  notifications: "/notifications",
  /** A person's email choices; digests link here with a signed token. */
  notificationPreferences: "/notifications/preferences",
  /** Reminder settings of one organisation (finance). */
  reminderSettings: "/finance/reminders",
  reminderSettingsAt: (organisationId: string) =>
    `/finance/reminders?organisation=${encodeURIComponent(organisationId)}`,
  /** Signed in (e.g. by SSO) but no role yet: an administrator must grant access. */
  awaitingAccess: "/awaiting-access",
  /** Personal API tokens for the read API (Power BI). */
  apiTokens: "/api-tokens",
  /** The read API's OpenAPI description. */
  apiDescription: "/api/v1/openapi.json",
  /** A Power BI data-source file for one read API table, of one organisation or all readable. */
  powerBiDataSource: (table: string, organisationId?: string) =>
    `/api/power-bi/pbids?table=${encodeURIComponent(table)}${organisationId ? `&organisation=${encodeURIComponent(organisationId)}` : ""}`,
} as const;
