import { formatMoney } from "@/lib/money";
import type { getPortfolioReview, ReviewLineView } from "../get-portfolio-review";
import { placeLabels, textWidth } from "../matrix-labels";
import { OPTION_LABELS, formatScore, type PortfolioOption, type Quadrant } from "../portfolio-rules";

type SizeMeasure = "BUDGET" | "PATIENTS" | "STAFF";

const W = 640;
const H = 500;
const PLOT = { left: 64, right: 620, top: 16, bottom: 440 };
const x = (score: number) => PLOT.left + (score / 100) * (PLOT.right - PLOT.left);
const y = (score: number) => PLOT.bottom - (score / 100) * (PLOT.bottom - PLOT.top);

/** Each quadrant's option, written in its outer corner. */
const CORNERS: { q: Quadrant; x: number; y: number; anchor: "start" | "end" }[] = [
  { q: "HIGH_HIGH", x: PLOT.right - 8, y: PLOT.top + 20, anchor: "end" },
  { q: "LOW_HIGH", x: PLOT.left + 8, y: PLOT.top + 20, anchor: "start" },
  { q: "HIGH_LOW", x: PLOT.right - 8, y: PLOT.bottom - 10, anchor: "end" },
  { q: "LOW_LOW", x: PLOT.left + 8, y: PLOT.bottom - 10, anchor: "start" },
];

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
  names: axisNames,
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
  const dots = placed.map((line) => ({
    id: line.id,
    cx: x(line.result.clinical.mean!),
    cy: y(line.result.economic.mean!),
    r: radius(line),
    label: line.name,
    ariaLabel: `${line.name}: ${axisNames.clinical.toLowerCase()} ${formatScore(line.result.clinical.mean)}, ${axisNames.economic.toLowerCase()} ${formatScore(line.result.economic.mean)}, ${formatSize(sizeOf(line, measure), measure)}${line.suggested ? `; suggests ${OPTION_LABELS[line.suggested].toLowerCase()}` : ""}`,
  }));
  const cornerBox = (q: Quadrant, cx: number, baseline: number, anchor: "start" | "end") => {
    const width = textWidth(OPTION_LABELS[options[q]], { fontSize: 13, charWidth: 0.6 });
    const left = anchor === "start" ? cx : cx - width;
    return { left, right: left + width, top: baseline - 13, bottom: baseline + 3 };
  };
  const labels = placeLabels(
    dots,
    { left: PLOT.left, top: PLOT.top, right: PLOT.right, bottom: PLOT.bottom },
    undefined,
    CORNERS.map((c) => cornerBox(c.q, c.x, c.y, c.anchor)),
  );
  const names = new Map(dots.map((d) => [d.id, d.label]));
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
          {`${axisNames.clinical} across, ${axisNames.economic} up, thresholds ${thresholds.clinical} and ${thresholds.economic}; ${placed.length} service lines placed. The results table below gives the same figures.`}
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
        {CORNERS.map((c) => (
          <g key={c.q}>{corner(c.q, c.x, c.y, c.anchor)}</g>
        ))}
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
          {axisNames.clinical} →
        </text>
        <text
          transform={`translate(16 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="fill-nhs-text text-[14px] font-semibold"
        >
          {axisNames.economic} →
        </text>
        {dots
          .slice()
          .sort((a, b) => b.r - a.r) // small dots on top of big ones
          .map((dot) => (
            <a key={dot.id} href={`#line-${dot.id}`} aria-label={dot.ariaLabel} className="portfolio-dot">
              <circle
                cx={dot.cx}
                cy={dot.cy}
                r={dot.r}
                fill="#005eb8"
                fillOpacity={0.55}
                stroke="#003087"
                strokeWidth={1.5}
              />
            </a>
          ))}
        {/* Names are placed clear of each other and of the dots; the links above carry them for screen readers. */}
        <g aria-hidden="true" className="fill-nhs-text text-[12px] font-semibold">
          {labels.map((l) => (
            <g key={l.id}>
              {l.leader && (
                <line
                  x1={l.leader.x1}
                  y1={l.leader.y1}
                  x2={l.leader.x2}
                  y2={l.leader.y2}
                  stroke="#4c6272"
                  strokeWidth={1}
                />
              )}
              <text
                x={l.x}
                y={l.y}
                textAnchor={l.anchor}
                stroke="#ffffff"
                strokeWidth={3}
                paintOrder="stroke"
                strokeLinejoin="round"
              >
                {names.get(l.id)}
              </text>
            </g>
          ))}
        </g>
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

/** The matrix of a review as getPortfolioReview returns it (the review page and its print view). */
export function ReviewMatrix({ view }: { view: Awaited<ReturnType<typeof getPortfolioReview>> }) {
  const { review } = view;
  return (
    <PortfolioMatrix
      lines={view.lines}
      thresholds={{ clinical: review.clinicalThreshold, economic: review.economicThreshold }}
      names={{ clinical: review.clinicalName, economic: review.economicName }}
      options={view.options}
      measure={review.sizeMeasure}
    />
  );
}
