import { describe, expect, it } from "vitest";
import { criterionFixHref } from "./criterion-links";

const id = "00000000-0000-4000-8000-000000000001";

describe("where a failed criterion is fixed", () => {
  it.each([
    ["title", `/schemes/${id}#edit-scheme`],
    ["full-year-effect", `/schemes/${id}#edit-scheme`],
    ["start-month", `/schemes/${id}#edit-scheme`],
    ["plan-adds-up", `/schemes/${id}#financials`],
    ["plan-entered", `/schemes/${id}#financials`],
    ["actuals", `/schemes/${id}#financials`],
    ["activities", `/schemes/${id}#milestones`],
    ["kpis", `/schemes/${id}#kpis`],
    ["risks", `/risks/new?scheme=${id}`],
    ["qia-screening", `/schemes/${id}/qia`],
    ["qia-medical", `/schemes/${id}/qia`],
    ["qia-review", `/schemes/${id}/qia`],
    ["eia-screening", `/schemes/${id}/eia`],
    ["eia-full", `/schemes/${id}/eia`],
    ["benefit-validated", `/schemes/${id}#gateway`],
  ])("%s -> %s", (key, href) => {
    expect(criterionFixHref(key, id)).toBe(href);
  });
});
