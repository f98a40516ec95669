import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatQuarter, quarterOf } from "@/lib/financial-year";
import { NewReviewForm } from "@/modules/portfolio/components/portfolio-forms";
import { findPortfolioReviews } from "@/modules/portfolio/find-portfolio";
import { canManagePortfolio } from "@/modules/portfolio/portfolio-access";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Portfolio review" };

const STATUS_LABELS = { SETUP: "Setting up", SCORING: "Scoring", CLOSED: "Closed" } as const;

export default async function PortfolioPage() {
  const actor = await requireActor();
  const reviews = await findPortfolioReviews(actor);
  const manageable = actor.organisations.filter((o) => canManagePortfolio(actor, o.id));
  return (
    <>
      <PageHeader title="Service-line portfolio review" caption="Invest, divest, reposition or maintain">
        <Link href={routes.portfolioServiceLines} className="font-semibold">
          Service lines
        </Link>
      </PageHeader>
      <Card title="Reviews">
        {reviews.length === 0 ? (
          <p>No portfolio reviews yet.</p>
        ) : (
          <DataTable
            caption="Portfolio reviews"
            columns={[
              { label: "Review" },
              { label: "Organisation" },
              { label: "Cohort" },
              { label: "Status" },
              { label: "Service lines", align: "right" },
              { label: "Criteria", align: "right" },
              { label: "Decisions", align: "right" },
            ]}
          >
            {reviews.map((r) => (
              <tr key={r.id} className={rowClass}>
                <td className={cellClass}>
                  <Link href={routes.portfolioReview(r.id)}>{r.name}</Link>
                </td>
                <td className={cellClass}>{r.organisation.name}</td>
                <td className={cellClass}>
                  {formatQuarter({ fy: r.cohortYear, q: r.cohortQuarter as 1 | 2 | 3 | 4 })}
                </td>
                <td className={cellClass}>{STATUS_LABELS[r.status]}</td>
                <td className={numberCellClass}>{r._count.lines}</td>
                <td className={numberCellClass}>{r._count.criteria}</td>
                <td className={numberCellClass}>{r._count.decisions}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      {manageable.length > 0 && (
        <Card title="New review">
          <p className="mb-4 max-w-2xl">
            Agree the criteria and their weights before anyone scores: they are locked when scoring starts, and changing
            them afterwards is recorded with a reason.
          </p>
          <NewReviewForm
            organisations={manageable.map((o) => ({ value: o.id, label: o.name }))}
            defaultCohort={formatQuarter(quarterOf(new Date()))}
          />
        </Card>
      )}
    </>
  );
}
