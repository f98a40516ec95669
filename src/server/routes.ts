/** Every path of the app in one place: links and revalidation never build paths by hand. */
export const routes = {
  home: "/",
  signIn: "/sign-in",
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
} as const;
