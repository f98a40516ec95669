import type { Metadata } from "next";
import { AccessDenied } from "@/components/ui/access-denied";
import { DataTable, cellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/dates";
import { mayCreateApiToken } from "@/modules/api-tokens/api-token-access";
import { revokeApiTokenAction } from "@/modules/api-tokens/api-token-actions";
import { RowActionButton } from "@/components/forms/row-action-button";
import { CreateApiTokenForm } from "@/modules/api-tokens/components/create-api-token-form";
import { findApiTokens, type ApiTokenListItem } from "@/modules/api-tokens/find-api-tokens";
import { PBIDS_TABLES, type PbidsTable } from "@/modules/api-tokens/power-bi-data-source";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "API tokens" };

const PBIDS = Object.entries(PBIDS_TABLES) as [PbidsTable, string][];

function statusOf(token: ApiTokenListItem, now: Date): string {
  if (token.revokedAt) return `Revoked ${formatDate(token.revokedAt)}`;
  if (token.expiresAt <= now) return `Expired ${formatDate(token.expiresAt)}`;
  return `Active, expires ${formatDate(token.expiresAt)}`;
}

export default async function ApiTokensPage() {
  const actor = await requireActor();
  if (!mayCreateApiToken(actor)) return <AccessDenied what="personal API tokens" />;
  const tokens = await findApiTokens(actor);
  const now = new Date();
  return (
    <>
      <PageHeader title="API tokens" caption="Read API and Power BI" />
      <Card>
        <p>
          A personal token lets Power BI or another tool read this service&apos;s data as you: it sees exactly what you
          can see, and stops working when you revoke it, when it expires or when your access changes. The endpoints are
          described at <a href={routes.apiDescription}>{routes.apiDescription}</a>.
        </p>
      </Card>
      <Card title="Your tokens">
        {tokens.length === 0 ? (
          <p>You have no tokens yet.</p>
        ) : (
          <DataTable
            caption="Your personal API tokens"
            columns={[
              { label: "Name" },
              { label: "Starts with" },
              { label: "Created" },
              { label: "Last used" },
              { label: "Status" },
              { label: "Action" },
            ]}
          >
            {tokens.map((t) => (
              <tr key={t.id} className={rowClass}>
                <td className={cellClass}>{t.name}</td>
                <td className={`${cellClass} font-mono`}>{t.prefix}…</td>
                <td className={cellClass}>{formatDate(t.createdAt)}</td>
                <td className={cellClass}>{t.lastUsedAt ? `Last used ${formatDate(t.lastUsedAt)}` : "Never used"}</td>
                <td className={cellClass}>{statusOf(t, now)}</td>
                <td className={cellClass}>
                  {!t.revokedAt && t.expiresAt > now ? (
                    <RowActionButton
                      action={revokeApiTokenAction}
                      record={{ name: "tokenId", value: t.id }}
                      label="Revoke"
                      what={t.name}
                    />
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <Card title="Create a token">
        <CreateApiTokenForm />
      </Card>
      <Card title="Connect Power BI" id="power-bi">
        <p className="mb-3">
          Download a data-source file and open it in Power BI Desktop: it opens <em>Get data &gt; Web</em> at the read
          API&apos;s CSV for that table. When Power BI asks how to sign in, choose <strong>Basic</strong>, type any user
          name (e.g. <code>powerbi</code>) and paste your token as the password. Load Scheme months and Schemes and
          relate Scheme months&apos; <code>schemeId</code> to Schemes&apos; <code>id</code>; the README&apos;s
          &ldquo;Connect Power BI&rdquo; section has the rest.
        </p>
        <DataTable
          caption="Power BI data-source files (.pbids)"
          columns={[{ label: "Organisation" }, ...PBIDS.map(([, label]) => ({ label }))]}
        >
          {[{ id: undefined, name: "All organisations you can read", code: undefined }, ...actor.organisations].map(
            (o) => (
              <tr key={o.id ?? "all"} className={rowClass}>
                <th scope="row" className={`${cellClass} text-left font-normal`}>
                  {o.name}
                </th>
                {PBIDS.map(([table, label]) => (
                  <td key={table} className={cellClass}>
                    <a href={routes.powerBiDataSource(table, o.id)} download>
                      {label}
                      <span className="sr-only"> for {o.name}</span> (.pbids)
                    </a>
                  </td>
                ))}
              </tr>
            ),
          )}
        </DataTable>
      </Card>
    </>
  );
}
