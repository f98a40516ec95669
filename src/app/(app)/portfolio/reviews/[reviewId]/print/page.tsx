import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { PrintPageStyle } from "@/components/ui/print-page-style";
import { formatDate } from "@/lib/dates";
import { formatQuarter } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { PrintButton } from "@/modules/board/components/print-button";
import { ReviewMatrix } from "@/modules/portfolio/components/portfolio-matrix";
import { ReviewResultsTable } from "@/modules/portfolio/components/review-results-table";
import { getPortfolioReview } from "@/modules/portfolio/get-portfolio-review";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/page-helpers";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Portfolio review: print view" };

const STATUS = { SETUP: "criteria open", SCORING: "scoring, criteria locked", CLOSED: "closed" } as const;

/**
 * The review as a board paper on portrait A4: page 1 the criteria and the matrix, page 2 the
 * ranked results with each decision. Read-only; the same figures as the review page.
 */
export default async function PortfolioReviewPrintPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const actor = await requireActor();
  const { reviewId } = await params;
  const view = await orNotFound(getPortfolioReview(actor, reviewId));
  const { review, criteria, scorers, lines } = view;
  const names = { CLINICAL: review.clinicalName, ECONOMIC: review.economicName };
  const cohort = formatQuarter({ fy: review.cohortYear, q: review.cohortQuarter as 1 | 2 | 3 | 4 });
  const now = new Date();
  const header = `${review.organisation.name} · ${review.name} · cohort ${cohort} · as at ${formatDate(now)}`;
  return (
    <div className="portfolio-print">
      <PrintPageStyle header={header} marking="Portfolio review: OFFICIAL" orientation="portrait" />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-nhs-secondary" data-print-header="">
            {header}
          </p>
          <h1 className="text-3xl font-bold">{review.name}</h1>
        </div>
        <div className="no-print flex flex-wrap items-center gap-4">
          <Link href={routes.portfolioReview(review.id)} className="font-semibold">
            Back to the review
          </Link>
          <PrintButton />
        </div>
      </div>
      <p className="mb-3">
        {review.organisation.name}, cohort {cohort}: {STATUS[review.status]}. {lines.length} service lines scored by{" "}
        {scorers.length} {scorers.length === 1 ? "scorer" : "scorers"} on {criteria.length} criteria (scale{" "}
        {review.scaleMin}-{review.scaleMax}, weights from a pool of {review.pointsPool}); each domain score is the
        weighted score normalised to 0-100.
        {view.arising.count > 0 &&
          ` Schemes arising from this review: ${view.arising.count}, ${formatMoney(Number(view.arising.identifiedPence))} identified.`}
      </p>
      <section aria-labelledby="print-criteria" className="print-block mb-4">
        <h2 id="print-criteria" className="mb-2 text-xl font-bold">
          Criteria and weights
        </h2>
        <DataTable
          caption="Criteria"
          columns={[{ label: "Domain" }, { label: "Criterion" }, { label: "Weight", align: "right" }]}
        >
          {criteria.map((c) => (
            <tr key={c.id} className={rowClass}>
              <td className={cellClass}>{names[c.domain]}</td>
              <td className={cellClass}>{c.name}</td>
              <td className={numberCellClass}>{c.weight}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="print-matrix" className="print-block mb-4">
        <h2 id="print-matrix" className="mb-2 text-xl font-bold">
          Portfolio matrix
        </h2>
        <ReviewMatrix view={view} />
      </section>
      <section aria-labelledby="print-results" className="print-block print-page-break">
        <h2 id="print-results" className="mb-2 text-xl font-bold">
          Ranked results and decisions
        </h2>
        <ReviewResultsTable lines={lines} names={names} />
      </section>
    </div>
  );
}
