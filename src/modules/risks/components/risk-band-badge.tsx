import { riskBand } from "../risk-scoring";

export function RiskBandBadge({ score }: { score: number }) {
  const band = riskBand(score);
  return (
    <span
      className="inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold"
      style={{ backgroundColor: band.colour, color: band.textColour }}
      data-band={band.key}
    >
      {score} {band.label}
    </span>
  );
}
