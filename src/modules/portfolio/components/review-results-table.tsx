import Link from "next/link";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { routes } from "@/server/routes";
import type { ReviewLineView } from "../get-portfolio-review";
import { OPTION_LABELS, QUADRANT_LABELS, formatScore, optionCreatesWork } from "../portfolio-rules";

function MeanAndSpread({ mean, spread, count }: { mean: number | null; spread: number | null; count: number }) {
  if (mean === null) return <>–</>;
  return (
    <>
      {formatScore(mean)}
      {count > 1 && <span className="block text-sm text-nhs-secondary">spread {formatScore(spread)}</span>}
    </>
  );
}

/**
 * The review's ranked results: each service line's domain scores (mean and the scorers'
 * spread), quadrant, suggested option and decision. The matrix's table equivalent, on the
 * review page and in its print view.
 */
export function ReviewResultsTable({
  lines,
  names,
  schemeLinkFor,
}: {
  lines: ReviewLineView[];
  names: { CLINICAL: string; ECONOMIC: string };
  /** Where a decision without a scheme can create one; null (or absent) where it cannot. */
  schemeLinkFor?: (decisionId: string) => string | null;
}) {
  return (
    <DataTable
      caption="Service lines ranked by overall weighted score"
      columns={[
        { label: "Rank", align: "right" },
        { label: "Service line" },
        { label: names.CLINICAL, align: "right" },
        { label: names.ECONOMIC, align: "right" },
        { label: "Overall", align: "right" },
        { label: "Quadrant" },
        { label: "Suggested" },
        { label: "Decision" },
      ]}
    >
      {lines.map((line) => {
        const createLink = line.decision ? schemeLinkFor?.(line.decision.id) : null;
        return (
          <tr key={line.id} id={`line-${line.id}`} className={`${rowClass} scroll-mt-4 target:bg-nhs-grey-bg`}>
            <td className={numberCellClass}>{line.rank ?? "–"}</td>
            <th scope="row" className={`${cellClass} text-left`}>
              {line.name}
              {line.parentName && (
                <span className="block text-sm font-normal text-nhs-secondary">{line.parentName}</span>
              )}
            </th>
            <td className={numberCellClass}>
              <MeanAndSpread {...line.result.clinical} />
            </td>
            <td className={numberCellClass}>
              <MeanAndSpread {...line.result.economic} />
            </td>
            <td className={numberCellClass}>
              <MeanAndSpread {...line.result.overall} />
            </td>
            <td className={cellClass}>{line.quadrant ? QUADRANT_LABELS[line.quadrant] : "Not fully scored"}</td>
            <td className={cellClass}>{line.suggested ? OPTION_LABELS[line.suggested] : "–"}</td>
            <td className={cellClass}>
              {line.decision ? (
                <>
                  <span className="font-semibold">{OPTION_LABELS[line.decision.option]}</span>
                  <span className="block text-sm">{line.decision.rationale}</span>
                  {line.decision.scheme ? (
                    <Link href={routes.scheme(line.decision.scheme.id)} className="block text-sm">
                      {line.decision.scheme.code} {line.decision.scheme.title}
                    </Link>
                  ) : (
                    createLink &&
                    optionCreatesWork(line.decision.option) && (
                      <Link href={createLink} className="block text-sm font-semibold">
                        Create a CIP scheme from this decision
                      </Link>
                    )
                  )}
                </>
              ) : (
                "–"
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
