import ExcelJS from "exceljs";
import type { Actor } from "@/server/auth/actor";
import { createActor, createDivision, createSystemWithOrganisations, uniqueToken } from "./index";
import { createLeadRow, createProgrammeRow, createWorkstreamRow } from "./programmes";

/**
 * A trust ready to import into: two divisions, a programme with a workstream, a lead user with
 * a lead role title, and the actors the import tests need. Workbooks are built with ExcelJS
 * itself, as a trust's own tracker would be, never with the app's adapter.
 */

export interface ImportWorld {
  systemId: string;
  trust: { id: string; code: string };
  otherTrust: { id: string; code: string };
  divisions: string[];
  programmeName: string;
  workstreamName: string;
  leadEmail: string;
  leadTitle: string;
  finance: Actor;
  lead: Actor;
  board: Actor;
  otherFinance: Actor;
}

export async function createImportWorld(): Promise<ImportWorld> {
  const { system, trusts } = await createSystemWithOrganisations({ trusts: 2 });
  const [trust, otherTrust] = [trusts[0]!, trusts[1]!];
  const divisions = [`Surgery ${uniqueToken()}`, `Medicine ${uniqueToken()}`];
  for (const name of divisions) await createDivision({ organisationId: trust.id, name });
  const programme = await createProgrammeRow({ systemId: system.id, organisationId: trust.id });
  const workstream = await createWorkstreamRow({ programmeId: programme.id });
  const finance = await createActor([{ organisationId: trust.id, role: "FINANCE" }]);
  const lead = await createActor([{ organisationId: trust.id, role: "LEAD" }]);
  const leadTitle = `DoF ${uniqueToken()}`;
  await createLeadRow({ systemId: system.id, userId: lead.userId, title: leadTitle });
  return {
    systemId: system.id,
    trust: { id: trust.id, code: trust.code },
    otherTrust: { id: otherTrust.id, code: otherTrust.code },
    divisions,
    programmeName: programme.name,
    workstreamName: workstream.name,
    leadEmail: lead.email,
    leadTitle,
    finance,
    lead,
    board: await createActor([{ organisationId: trust.id, role: "BOARD" }]),
    otherFinance: await createActor([{ organisationId: otherTrust.id, role: "FINANCE" }]),
  };
}

export type SheetRows = Record<string, (string | number | Date | null | ExcelJS.CellValue)[][]>;

/** An .xlsx with the given sheets, each a header row then data rows. */
export async function workbookBuffer(sheets: SheetRows, edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  edit?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}
