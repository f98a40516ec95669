import { describe, expect, it } from "vitest";
import { waterfallSteps } from "./board-pack-view";

const stages = (complete: number, delivery: number, planning: number, opportunity: number, delivered = 0) => [
  { stage: "OPPORTUNITY" as const, deliveredPence: 0, remainingPence: opportunity },
  { stage: "PLANNING" as const, deliveredPence: 0, remainingPence: planning },
  { stage: "DELIVERY" as const, deliveredPence: delivered, remainingPence: delivery },
  { stage: "COMPLETE" as const, deliveredPence: 0, remainingPence: complete },
];

describe("waterfallSteps", () => {
  it("stacks delivered, then each stage's remaining forecast, then the gap up to the target", () => {
    const steps = waterfallSteps(1000, stages(50, 300, 100, 50, 200));
    expect(steps.map((s) => [s.key, s.from, s.to, s.pence])).toEqual([
      ["target", 0, 1000, 1000],
      ["delivered", 0, 200, 200],
      ["COMPLETE", 200, 250, 50],
      ["DELIVERY", 250, 550, 300],
      ["PLANNING", 550, 650, 100],
      ["OPPORTUNITY", 650, 700, 50],
      ["gap", 700, 1000, 300],
    ]);
  });

  it("shows a surplus when the forecast passes the target", () => {
    const last = waterfallSteps(500, stages(0, 400, 200, 0, 100)).at(-1)!;
    expect(last).toMatchObject({ kind: "surplus", from: 500, to: 700, pence: 200, label: "Ahead of target" });
  });

  it("always ends exactly at the target or the outturn: the bars add up", () => {
    const steps = waterfallSteps(1_234_567, stages(1, 22, 333, 4444, 55555));
    const forecast = steps.filter((s) => s.kind === "delivered" || s.kind === "forecast");
    const gap = steps.at(-1)!;
    expect(forecast.reduce((sum, s) => sum + s.pence, 0) + gap.pence).toBe(1_234_567);
  });
});
