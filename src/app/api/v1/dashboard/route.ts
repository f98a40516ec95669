import { dashboardEndpoint } from "@/modules/read-api/endpoints/dashboard-endpoint";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveEndpoint(dashboardEndpoint);
