import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatFinancialYear, formatQuarter } from "@/lib/financial-year";
import { createSchemeFromDecisionAction } from "@/modules/portfolio/portfolio-actions";
import { canManagePortfolio } from "@/modules/portfolio/portfolio-access";
import { findDecision } from "@/modules/portfolio/find-portfolio";
import { OPTION_LABELS, optionCreatesWork } from "@/modules/portfolio/portfolio-rules";
import { SchemeForm } from "@/modules/schemes/components/scheme-form";
import { schemeFormOptions } from "@/modules/schemes/scheme-form-options";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Scheme from a portfolio decision" };

export default async function SchemeFromDecisionPage({
  params,
}: {
  params: Promise<{ reviewId: string; decisionId: string }>;
}) {
  const actor = await requireActor();
  const { reviewId, decisionId } = await params;
  const decision = await findDecision(actor, decisionId);
  if (!decision || decision.review.id !== reviewId) notFound();
  if (!canManagePortfolio(actor, decision.review.organisationId))
    return <AccessDenied what="creating schemes from portfolio decisions" />;
  const cohort = formatQuarter({ fy: decision.review.cohortYear, q: decision.review.cohortQuarter as 1 | 2 | 3 | 4 });
  const back = (
    <Link href={`${routes.portfolioReview(reviewId)}#results`} className="font-semibold">
      Back to the review
    </Link>
  );
  const title = `${OPTION_LABELS[decision.option]}: ${decision.serviceLine.name}`;
  if (decision.scheme || !optionCreatesWork(decision.option) || decision.review.status === "CLOSED") {
    return (
      <>
        <PageHeader title={title} caption={decision.review.name}>
          {back}
        </PageHeader>
        <Card>
          {decision.scheme ? (
            <p>
              This decision became scheme <Link href={routes.scheme(decision.scheme.id)}>{decision.scheme.code}</Link>,
              linked to the review.
            </p>
          ) : (
            <p>Only a divest or reposition decision of an open review becomes a scheme.</p>
          )}
        </Card>
      </>
    );
  }
  const options = await schemeFormOptions(decision.review.organisationId);
  const year = formatFinancialYear(decision.review.cohortYear);
  return (
    <>
      <PageHeader title="New CIP scheme from a portfolio decision" caption={`${decision.review.name} · ${title}`}>
        {back}
      </PageHeader>
      <Card>
        <p className="mb-4 max-w-2xl">
          Pre-filled from the decision; the scheme is linked to it, so it counts as arising from portfolio review{" "}
          {cohort}
          in the review, the register and the dashboard.
        </p>
        <SchemeForm
          organisationId={decision.review.organisationId}
          options={{
            ...options,
            years: options.years.some((y) => y.value === year)
              ? options.years
              : [{ value: year, label: year }, ...options.years],
          }}
          canChooseLead
          prefill={{
            action: createSchemeFromDecisionAction,
            hidden: { decisionId: decision.id, decisionVersion: String(decision.version) },
            values: {
              title,
              description: `Arising from portfolio review ${decision.review.name} (${cohort}): ${decision.rationale}`,
              divisionId: decision.serviceLine.divisionId ?? "",
              financialYear: year,
              recurrent: "true",
            },
          }}
        />
      </Card>
    </>
  );
}
