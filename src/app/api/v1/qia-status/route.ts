import { qiaStatusEndpoint } from "@/modules/read-api/endpoints/qia-status-endpoint";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";

export const dynamic = "force-dynamic";

export const GET = serveEndpoint(qiaStatusEndpoint);
