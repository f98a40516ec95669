/**
 * Power BI data-source files (.pbids): a small JSON file that Power BI Desktop opens as "Get
 * data > Web" already pointed at one of the read API's CSV endpoints for an organisation. It holds
 * no credentials: Power BI asks for them on first use (Basic, any user name, the personal token as
 * the password). A .pbids holds one data source, so each table has its own file.
 */

export const PBIDS_TABLES = {
  "scheme-months": "Scheme months",
  schemes: "Schemes",
  "savings-targets": "Savings targets",
  risks: "Risks",
} as const;
export type PbidsTable = keyof typeof PBIDS_TABLES;

export function isPbidsTable(value: string): value is PbidsTable {
  return Object.hasOwn(PBIDS_TABLES, value);
}

/** The CSV endpoint the file points at: every row (CSV is not paged) of one organisation, or all readable. */
export function pbidsEndpoint(baseUrl: string, table: PbidsTable, organisationId?: string): string {
  const url = new URL(`/api/v1/${table}`, baseUrl);
  if (organisationId) url.searchParams.set("organisation", organisationId);
  url.searchParams.set("format", "csv");
  return url.toString();
}

/** The file's JSON, in the shape Power BI Desktop reads (version 0.1, one web connection). */
export function pbidsFile(baseUrl: string, table: PbidsTable, organisationId?: string): string {
  return JSON.stringify(
    {
      version: "0.1",
      connections: [
        {
          details: { protocol: "http", address: { url: pbidsEndpoint(baseUrl, table, organisationId) } },
          options: {},
          mode: null,
        },
      ],
    },
    null,
    2,
  );
}

/** "recovery-tracker-LTH-scheme-months.pbids". */
export function pbidsFileName(table: PbidsTable, organisationCode?: string): string {
  return `recovery-tracker-${organisationCode ? `${organisationCode.replace(/[^A-Za-z0-9-]/g, "")}-` : ""}${table}.pbids`;
}
