import { formatMoney } from "@/lib/money";
import type { ReviewLineView } from "../get-portfolio-review";
import { OPTION_LABELS, formatScore, type PortfolioOption, type Quadrant } from "../portfolio-rules";

type SizeMeasure = "BUDGET" | "PATIENTS" | "STAFF";

const W = 640;
const H = 500;
const PLOT = { left: 64, right: 620, top: 16, bottom: 440 };
const x = (score: number) => PLOT.left + (score / 100) * (PLOT.right - PLOT.left);
const y = (score: number) => PLOT.bottom - (score / 100) * (PLOT.bottom - PLOT.top);

export function sizeOf(line: ReviewLineView, measure: SizeMeasure): number | null {
  if (measure === "BUDGET") return line.size.budgetPence === null ? null : Number(line.size.budgetPence);
  if (measure === "PATIENTS") return line.size.patients;
  return line.size.staffWte;
}

export function formatSize(value: number | null, measure: SizeMeasure): string {
  if (value === null) return "no size recorded";
  if (measure === "BUDGET") return `budget ${formatMoney(value)}`;
  if (measure === "PATIENTS") return `${value.toLocaleString("en-GB")} patients`;
  return `${value.toLocaleString("en-GB")} WTE`;
}

/**
 * The 2x2 portfolio matrix as server-rendered SVG (prints as it shows): clinical
 * sustainability across, economic up, quadrant lines at the review's thresholds, dot area
 * in proportion to the chosen size. Each dot is a link to the line's row in the results
 * table (keyboard: Tab), whose table is the matrix's text equivalent.
 */
export function PortfolioMatrix({
  lines,
  thresholds,
  names,
  options,
  measure,
}: {
  lines: ReviewLineView[];
  thresholds: { clinical: number; economic: number };
  names: { clinical: string; economic: string };
  options: Record<Quadrant, PortfolioOption>;
  measure: SizeMeasure;
}) {
  const placed = lines.filter((l) => l.result.clinical.mean !== null && l.result.economic.mean !== null);
  const largest = Math.max(1, ...placed.map((l) => sizeOf(l, measure) ?? 0));
  const radius = (l: ReviewLineView) => 6 + 26 * Math.sqrt((sizeOf(l, measure) ?? 0) / largest);
  const tx = x(thresholds.clinical);
  const ty = y(thresholds.economic);
  const corner = (q: Quadrant, cx: number, cy: number, anchor: "start" | "end") => (
    <text x={cx} y={cy} textAnchor={anchor} className="fill-nhs-secondary text-[13px] font-semibold">
      {OPTION_LABELS[options[q]]}
    </text>
  );
  return (
    <figure className="portfolio-matrix">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full max-w-3xl"
        role="group"
        aria-labelledby="matrix-title matrix-desc"
      >
        <title id="matrix-title">Portfolio matrix</title>
        <desc id="matrix-desc">
          {`${names.clinical} across, ${names.economic} up, thresholds ${thresholds.clinical} and ${thresholds.economic}; ${placed.length} service lines placed. The results table below gives the same figures.`}
        </desc>
        <rect
          x={PLOT.left}
          y={PLOT.top}
          width={PLOT.right - PLOT.left}
          height={PLOT.bottom - PLOT.top}
          fill="#ffffff"
          stroke="#aeb7bd"
        />
        <rect x={tx} y={PLOT.top} width={PLOT.right - tx} height={ty - PLOT.top} fill="#e6f3ec" />
        <rect x={PLOT.left} y={ty} width={tx - PLOT.left} height={PLOT.bottom - ty} fill="#fbe9e7" />
        <line x1={tx} x2={tx} y1={PLOT.top} y2={PLOT.bottom} stroke="#4c6272" strokeDasharray="6 4" />
        <line x1={PLOT.left} x2={PLOT.right} y1={ty} y2={ty} stroke="#4c6272" strokeDasharray="6 4" />
        {corner("HIGH_HIGH", PLOT.right - 8, PLOT.top + 20, "end")}
        {corner("LOW_HIGH", PLOT.left + 8, PLOT.top + 20, "start")}
        {corner("HIGH_LOW", PLOT.right - 8, PLOT.bottom - 10, "end")}
        {corner("LOW_LOW", PLOT.left + 8, PLOT.bottom - 10, "start")}
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t} className="fill-nhs-text text-[12px]">
            <text x={x(t)} y={PLOT.bottom + 18} textAnchor="middle">
              {t}
            </text>
            <text x={PLOT.left - 8} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        <text
          x={(PLOT.left + PLOT.right) / 2}
          y={H - 16}
          textAnchor="middle"
          className="fill-nhs-text text-[14px] font-semibold"
        >
          {names.clinical} →
        </text>
        <text
          transform={`translate(16 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="fill-nhs-text text-[14px] font-semibold"
        >
          {names.economic} →
        </text>
        {placed
          .slice()
          .sort((a, b) => radius(b) - radius(a)) // small dots on top of big ones
          .map((line) => {
            const cx = x(line.result.clinical.mean!);
            const cy = y(line.result.economic.mean!);
            const r = radius(line);
            const label = `${line.name}: ${names.clinical.toLowerCase()} ${formatScore(line.result.clinical.mean)}, ${names.economic.toLowerCase()} ${formatScore(line.result.economic.mean)}, ${formatSize(sizeOf(line, measure), measure)}${line.suggested ? `; suggests ${OPTION_LABELS[line.suggested].toLowerCase()}` : ""}`;
            const right = cx < (PLOT.left + PLOT.right) / 2;
            return (
              <a key={line.id} href={`#line-${line.id}`} aria-label={label} className="portfolio-dot">
                <circle cx={cx} cy={cy} r={r} fill="#005eb8" fillOpacity={0.55} stroke="#003087" strokeWidth={1.5} />
                <text
                  x={right ? cx + r + 4 : cx - r - 4}
                  y={cy + 4}
                  textAnchor={right ? "start" : "end"}
                  className="fill-nhs-text text-[12px] font-semibold"
                >
                  {line.name}
                </text>
              </a>
            );
          })}
      </svg>
      <figcaption className="mt-2 text-sm text-nhs-secondary">
        Dot area in proportion to{" "}
        {measure === "BUDGET" ? "budget" : measure === "PATIENTS" ? "patients" : "staff (WTE)"}.
        {lines.length > placed.length &&
          ` Not yet placed (a domain not fully scored): ${lines
            .filter((l) => !placed.includes(l))
            .map((l) => l.name)
            .join(", ")}.`}
      </figcaption>
    </figure>
  );
}
