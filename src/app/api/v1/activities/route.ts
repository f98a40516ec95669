import { activitiesEndpoint } from "@/modules/read-api/endpoints/activities-endpoint";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveEndpoint(activitiesEndpoint);
