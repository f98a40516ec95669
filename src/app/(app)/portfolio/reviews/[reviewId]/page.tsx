import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/dates";
import { formatQuarter } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import {
  AddCriterionForm,
  CloseReviewButton,
  DecisionForm,
  MatrixSettingsForm,
  RemoveCriterionButton,
  ReopenReviewForm,
  ReviewMembersForm,
  ScoreLineForm,
  StartScoringButton,
} from "@/modules/portfolio/components/portfolio-forms";
import { ReviewMatrix } from "@/modules/portfolio/components/portfolio-matrix";
import { ReviewResultsTable } from "@/modules/portfolio/components/review-results-table";
import { findEligibleScorers, findServiceLines } from "@/modules/portfolio/find-portfolio";
import { getPortfolioReview } from "@/modules/portfolio/get-portfolio-review";
import { OPTION_LABELS, agreementOf, formatScore, weightRemaining } from "@/modules/portfolio/portfolio-rules";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/page-helpers";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Portfolio review" };

const STATUS_LABELS = {
  SETUP: "Setting up: criteria open",
  SCORING: "Scoring: criteria locked",
  CLOSED: "Closed",
} as const;

export default async function PortfolioReviewPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const actor = await requireActor();
  const { reviewId } = await params;
  const view = await orNotFound(getPortfolioReview(actor, reviewId));
  const { review, criteria, scorers, lines, canManage, isScorer } = view;
  const ref = { reviewId: review.id, version: review.version };
  const names = { CLINICAL: review.clinicalName, ECONOMIC: review.economicName };
  const cohort = formatQuarter({ fy: review.cohortYear, q: review.cohortQuarter as 1 | 2 | 3 | 4 });
  const setup = review.status === "SETUP";
  const scoring = review.status === "SCORING";
  const [allLines, people] =
    canManage && review.status !== "CLOSED"
      ? await Promise.all([findServiceLines(actor, review.organisationId), findEligibleScorers(review.organisationId)])
      : [[], []];
  const onReview = new Set(lines.map((l) => l.id));
  const named = new Set(scorers.map((s) => s.id));
  const remaining = weightRemaining(criteria, review.pointsPool);

  return (
    <>
      <PageHeader title={review.name} caption={`${review.organisation.name} · cohort ${cohort}`}>
        <div className="flex flex-wrap gap-4">
          <Link href={routes.portfolioReviewPrint(review.id)} className="font-semibold">
            Print view
          </Link>
          <Link href={routes.portfolio} className="font-semibold">
            All reviews
          </Link>
        </div>
      </PageHeader>
      <p className="mb-6 font-semibold" role="status">
        {STATUS_LABELS[review.status]}
        {view.arising.count > 0 &&
          ` · Schemes arising from portfolio review ${cohort}: ${view.arising.count}, ${formatMoney(Number(view.arising.identifiedPence))} identified`}
      </p>

      <Card title="Criteria and weights" id="criteria">
        <p className="mb-3">
          Scored {review.scaleMin} to {review.scaleMax}; weights from a pool of {review.pointsPool} points
          {remaining !== 0 && <strong> ({remaining} left to allocate)</strong>}. Each domain score is the weighted score
          normalised to 0-100.
        </p>
        <DataTable
          caption="Criteria"
          columns={[
            { label: "Domain" },
            { label: "Criterion" },
            { label: "Weight", align: "right" },
            ...(setup && canManage ? [{ label: "Remove", hidden: true }] : []),
          ]}
        >
          {criteria.map((c) => (
            <tr key={c.id} className={rowClass}>
              <td className={cellClass}>{names[c.domain]}</td>
              <td className={cellClass}>
                <span className="font-semibold">{c.name}</span>
                {c.description && <span className="block text-sm text-nhs-secondary">{c.description}</span>}
              </td>
              <td className={numberCellClass}>{c.weight}</td>
              {setup && canManage && (
                <td className={cellClass}>
                  <RemoveCriterionButton review={ref} criterionId={c.id} name={c.name} />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
        {view.reopenings.length > 0 && (
          <div className="mt-4">
            <h3 className="font-bold">Re-openings</h3>
            <ul className="list-disc pl-6">
              {view.reopenings.map((r) => (
                <li key={r.id}>
                  {formatDate(r.reopenedAt)}, {r.reopenedBy.name}: {r.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        {setup && canManage && (
          <div className="mt-6 grid gap-8 lg:grid-cols-2">
            <div>
              <h3 className="mb-2 text-lg font-bold">Add a criterion</h3>
              <AddCriterionForm review={ref} domainNames={names} remaining={remaining} />
            </div>
            <div>
              <h3 className="mb-2 text-lg font-bold">Start scoring</h3>
              <p className="mb-3">
                Locks the criteria and weights. The weights must add up to {review.pointsPool}, with at least one
                criterion in each domain, the service lines chosen and the scorers named.
              </p>
              <StartScoringButton review={ref} />
            </div>
          </div>
        )}
        {scoring && canManage && (
          <div className="mt-6 grid gap-8 lg:grid-cols-2">
            <div>
              <h3 className="mb-2 text-lg font-bold">Change the criteria</h3>
              <ReopenReviewForm review={ref} />
            </div>
            <div>
              <h3 className="mb-2 text-lg font-bold">Close the review</h3>
              <p className="mb-3">Scores and decisions become read-only.</p>
              <CloseReviewButton review={ref} />
            </div>
          </div>
        )}
      </Card>

      {canManage && review.status !== "CLOSED" && (
        <Card title="Service lines and scorers" id="members">
          <ReviewMembersForm
            review={ref}
            lines={allLines.map((l) => ({
              value: l.id,
              label: l.parent ? `${l.parent.name} › ${l.name}` : l.name,
              checked: onReview.has(l.id),
            }))}
            people={people.map((p) => ({
              value: p.id,
              label: p.jobTitle ? `${p.name}, ${p.jobTitle}` : p.name,
              checked: named.has(p.id),
            }))}
          />
        </Card>
      )}

      <Card title="Portfolio matrix" id="matrix">
        <ReviewMatrix view={view} />
        {canManage && review.status !== "CLOSED" && (
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold">Matrix settings</summary>
            <div className="mt-3">
              <MatrixSettingsForm
                review={ref}
                current={{
                  clinicalName: review.clinicalName,
                  economicName: review.economicName,
                  clinicalThreshold: String(review.clinicalThreshold),
                  economicThreshold: String(review.economicThreshold),
                  sizeMeasure: review.sizeMeasure,
                  optionHighHigh: review.optionHighHigh,
                  optionHighLow: review.optionHighLow,
                  optionLowHigh: review.optionLowHigh,
                  optionLowLow: review.optionLowLow,
                }}
              />
            </div>
          </details>
        )}
      </Card>

      <Card title="Results and decisions" id="results">
        <ReviewResultsTable
          lines={lines}
          names={names}
          schemeLinkFor={(decisionId) =>
            canManage && review.status !== "CLOSED"
              ? `${routes.portfolioReview(review.id)}/decisions/${decisionId}/scheme`
              : null
          }
        />
      </Card>

      <Card title="Scores by scorer" id="scores">
        <p className="mb-3">
          Each scorer&apos;s scores, their mean and spread (highest minus lowest), so disagreement is visible.
        </p>
        {lines.map((line) => (
          <details key={line.id} className="mb-3">
            <summary className="cursor-pointer font-semibold">{line.name}</summary>
            <DataTable
              caption={`Scores for ${line.name}`}
              columns={[
                { label: "Criterion" },
                ...scorers.map((s) => ({ label: s.name, align: "right" as const })),
                { label: "Mean", align: "right" },
                { label: "Spread", align: "right" },
              ]}
            >
              {criteria.map((c) => {
                const byScorer = line.scores.get(c.id);
                const agreement = agreementOf(scorers.map((s) => byScorer?.get(s.id)?.score ?? null));
                return (
                  <tr key={c.id} className={rowClass}>
                    <th scope="row" className={`${cellClass} text-left font-normal`}>
                      {c.name} <span className="text-sm text-nhs-secondary">(weight {c.weight})</span>
                    </th>
                    {scorers.map((s) => {
                      const score = byScorer?.get(s.id);
                      return (
                        <td key={s.id} className={numberCellClass} title={score?.rationale ?? undefined}>
                          {score ? score.score : "–"}
                          {score?.rationale && (
                            <span className="block text-xs text-nhs-secondary">{score.rationale}</span>
                          )}
                        </td>
                      );
                    })}
                    <td className={numberCellClass}>{formatScore(agreement.mean)}</td>
                    <td className={numberCellClass}>{formatScore(agreement.spread)}</td>
                  </tr>
                );
              })}
            </DataTable>
          </details>
        ))}
      </Card>

      {isScorer && scoring && (
        <Card title="My scores" id="my-scores">
          {lines.map((line) => (
            <details key={line.id} className="mb-4" open={lines.length <= 2}>
              <summary className="cursor-pointer text-lg font-semibold">{line.name}</summary>
              <div className="mt-3">
                <ScoreLineForm
                  reviewId={review.id}
                  serviceLineId={line.id}
                  lineName={line.name}
                  scale={{ min: review.scaleMin, max: review.scaleMax }}
                  criteria={criteria.map((c) => {
                    const mine = line.scores.get(c.id)?.get(actor.userId);
                    return {
                      id: c.id,
                      name: c.name,
                      domainName: names[c.domain],
                      weight: c.weight,
                      score: mine?.score,
                      rationale: mine?.rationale ?? undefined,
                      version: mine?.version ?? 0,
                    };
                  })}
                />
              </div>
            </details>
          ))}
        </Card>
      )}

      {canManage && scoring && (
        <Card title="Record decisions" id="decisions">
          {lines.map((line) => (
            <details key={line.id} className="mb-4">
              <summary className="cursor-pointer text-lg font-semibold">
                {line.name}
                {line.decision ? `: ${OPTION_LABELS[line.decision.option]}` : ""}
              </summary>
              <div className="mt-3">
                <DecisionForm
                  reviewId={review.id}
                  serviceLineId={line.id}
                  lineName={line.name}
                  suggested={line.suggested}
                  current={line.decision}
                />
              </div>
            </details>
          ))}
        </Card>
      )}
    </>
  );
}
