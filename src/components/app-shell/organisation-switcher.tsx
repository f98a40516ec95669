"use client";

import { usePathname } from "next/navigation";
import { useActionState } from "react";
import { switchOrganisationAction } from "@/modules/users/switch-organisation-action";

const PAGES_WITH_THEIR_OWN_PICKER = ["/dashboard", "/board"];

export function OrganisationSwitcher({
  organisations,
  currentId,
}: {
  organisations: { id: string; name: string }[];
  currentId: string;
}) {
  const pathname = usePathname() ?? "";
  const [, action, pending] = useActionState(switchOrganisationAction, null);
  // The dashboard and the board summary choose their organisation (or the system) in the page:
  // one organisation picker there, not two that can disagree (issue 13 item 10).
  if (PAGES_WITH_THEIR_OWN_PICKER.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return null;
  if (organisations.length < 2) return <span>{organisations[0]?.name}</span>;
  return (
    <form action={action} className="flex min-w-0 items-center gap-2">
      <label htmlFor="current-organisation" className="text-sm">
        Organisation
      </label>
      <select
        id="current-organisation"
        name="organisationId"
        defaultValue={currentId}
        className="min-w-0 max-w-[11rem] rounded border-2 border-white bg-white px-2 py-1 text-nhs-text sm:max-w-xs"
      >
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded border-2 border-white px-2 py-1 text-sm font-semibold"
      >
        Switch
      </button>
    </form>
  );
}
