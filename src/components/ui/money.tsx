import { formatMoney, type Pence } from "@/lib/money";

/**
 * A headline or chart amount in the compact style ("£1.5m"), with the exact figure
 * ("£1,450,000") on hover and for screen readers whenever the two differ (issue 13: never
 * "£1.5m" for £1,450,000 without the exact figure at hand).
 */
export function CompactMoney({ pence }: { pence: Pence }) {
  const compact = formatMoney(pence);
  const exact = formatMoney(pence, { style: "full" });
  if (compact === exact) return <>{compact}</>;
  return (
    <span title={exact} data-exact={exact}>
      {compact}
    </span>
  );
}
