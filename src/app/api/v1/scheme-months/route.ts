import { schemeMonthsEndpoint } from "@/modules/read-api/endpoints/scheme-months-endpoint";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveEndpoint(schemeMonthsEndpoint);
