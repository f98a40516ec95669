import { savingsTargetsEndpoint } from "@/modules/read-api/endpoints/savings-targets-endpoint";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveEndpoint(savingsTargetsEndpoint);
