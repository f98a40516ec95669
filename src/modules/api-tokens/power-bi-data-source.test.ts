import { describe, expect, it } from "vitest";
import { isPbidsTable, pbidsFile, pbidsFileName } from "./power-bi-data-source";

describe("Power BI data-source files", () => {
  it("points one web connection at the organisation's CSV endpoint, with no credentials in it", () => {
    const file = JSON.parse(
      pbidsFile("https://recovery.example.nhs.uk/", "scheme-months", "0b6f3c1e-1d2a-4e5b-8c9d-0a1b2c3d4e5f"),
    );
    expect(file).toEqual({
      version: "0.1",
      connections: [
        {
          details: {
            protocol: "http",
            address: {
              url: "https://recovery.example.nhs.uk/api/v1/scheme-months?organisation=0b6f3c1e-1d2a-4e5b-8c9d-0a1b2c3d4e5f&format=csv",
            },
          },
          options: {},
          mode: null,
        },
      ],
    });
  });

  it("reads every organisation the token can when none is named, and names files by organisation and table", () => {
    const file = JSON.parse(pbidsFile("http://localhost:3000", "schemes"));
    expect(file.connections[0].details.address.url).toBe("http://localhost:3000/api/v1/schemes?format=csv");
    expect(pbidsFileName("scheme-months", "LTH")).toBe("recovery-tracker-LTH-scheme-months.pbids");
    expect(pbidsFileName("risks", 'A/"B')).toBe("recovery-tracker-AB-risks.pbids");
    expect(pbidsFileName("risks")).toBe("recovery-tracker-risks.pbids");
    expect([isPbidsTable("risks"), isPbidsTable("toString"), isPbidsTable("users")]).toEqual([true, false, false]);
  });
});
