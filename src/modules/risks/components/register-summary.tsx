import Link from "next/link";
import { routes } from "@/server/routes";

/** On programme and workstream pages: how many open risks, a link to the register, and "raise". */
export function RegisterSummary({
  openCount,
  registerHref,
  raiseHref,
}: {
  openCount: number;
  registerHref: string;
  raiseHref?: string;
}) {
  return (
    <p className="flex flex-wrap gap-6">
      <Link href={registerHref} className="font-semibold">
        {openCount} open risk{openCount === 1 ? "" : "s"} on this register
      </Link>
      {raiseHref && (
        <Link href={raiseHref} className="font-semibold">
          Raise a risk
        </Link>
      )}
    </p>
  );
}

export const registerLinks = (programmeId: string, workstreamId?: string) => ({
  registerHref: `${routes.risks}?programme=${programmeId}${workstreamId ? `&workstream=${workstreamId}` : ""}`,
  raiseHref: `${routes.newRisk}?programme=${programmeId}${workstreamId ? `&workstream=${workstreamId}` : ""}`,
});
