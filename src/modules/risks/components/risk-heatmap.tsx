import Link from "next/link";
import { CONSEQUENCE_LABELS, LIKELIHOOD_LABELS, riskBand, type RiskRating } from "../risk-scoring";

const RATINGS: RiskRating[] = [1, 2, 3, 4, 5];

/**
 * The NHS 5x5 matrix: likelihood up the side (5 at the top), consequence along the bottom,
 * each cell coloured by its band and counting the risks in it; a cell links to the register
 * filtered to it.
 */
export function RiskHeatmap({
  counts,
  view,
  hrefFor,
  selected,
}: {
  counts: { likelihood: number; consequence: number; count: number }[];
  view: "current" | "target";
  hrefFor: (likelihood: number, consequence: number) => string;
  selected?: { likelihood?: number; consequence?: number };
}) {
  const countAt = (l: number, c: number) => counts.find((x) => x.likelihood === l && x.consequence === c)?.count ?? 0;
  return (
    // On a phone the matrix scrolls inside its own box rather than widening the page.
    <div className="relative max-w-full overflow-x-auto">
      <table className="border-separate border-spacing-1 text-sm">
        <caption className="mb-2 text-left font-semibold">
          {view === "target" ? "Target" : "Current"} risk scores: likelihood × consequence
        </caption>
        <thead>
          <tr>
            <td />
            {RATINGS.map((c) => (
              <th key={c} scope="col" className="w-12 px-1 text-center text-xs font-normal md:w-20 md:text-sm">
                {c} {CONSEQUENCE_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...RATINGS].reverse().map((l) => (
            <tr key={l}>
              <th scope="row" className="pr-2 text-right text-xs font-normal md:text-sm">
                {l} {LIKELIHOOD_LABELS[l]}
              </th>
              {RATINGS.map((c) => {
                const band = riskBand(l * c);
                const count = countAt(l, c);
                const isSelected = selected?.likelihood === l && selected?.consequence === c;
                return (
                  <td key={c} className="p-0" data-cell={`${l}-${c}`} data-band={band.key}>
                    <Link
                      href={hrefFor(l, c)}
                      aria-label={`Likelihood ${l} (${LIKELIHOOD_LABELS[l]}), consequence ${c} (${CONSEQUENCE_LABELS[c]}), score ${l * c}, ${band.label}: ${count} risk${count === 1 ? "" : "s"}`}
                      className={`flex h-12 w-12 flex-col md:h-14 md:w-20 items-center justify-center rounded no-underline ${isSelected ? "ring-4 ring-nhs-text" : ""}`}
                      style={{ backgroundColor: band.colour, color: band.textColour }}
                    >
                      <span className="text-lg font-bold">{count}</span>
                      <span className="text-[10px] md:text-xs">score {l * c}</span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
