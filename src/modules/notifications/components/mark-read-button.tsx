"use client";

import { createContext, useActionState, useContext, useState, type ReactNode } from "react";
import { InlineFormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/server/action";
import { markAllNotificationsReadAction, markNotificationReadAction } from "../notification-actions";

const BUTTON = "rounded border-2 border-nhs-blue px-2 py-1 font-semibold text-nhs-blue disabled:opacity-60";

const Announce = createContext<((message: string) => void) | null>(null);

/**
 * Where a list drops an item once it is read ("Waiting for you"), the button goes with it, so its own
 * confirmation would never show: inside this, the confirmation is shown (and announced) above the list.
 */
export function MarkReadAnnouncements({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Announce.Provider value={setMessage}>
      <p role="status" className={message ? "mb-3 font-semibold text-nhs-green" : "sr-only"}>
        {message}
      </p>
      {children}
    </Announce.Provider>
  );
}

/** Marks one notification read; `what` names it for screen readers. */
export function MarkReadButton({ notificationId, what }: { notificationId: string; what: string }) {
  const announce = useContext(Announce);
  const [state, formAction, pending] = useActionState<ActionState<{ notificationId: string }> | null, FormData>(
    async (previous, formData) => {
      const result = await markNotificationReadAction(previous, formData);
      if (result.ok && announce) announce(`Marked as read: ${what}`);
      return result;
    },
    null,
  );
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="notificationId" value={notificationId} />
      <button type="submit" disabled={pending} className={BUTTON}>
        Mark read<span className="sr-only">: {what}</span>
      </button>
      <InlineFormStatus state={announce && state?.ok ? null : state} />
    </form>
  );
}

/** Marks all read; stays mounted once used so its confirmation outlives the re-render with none unread. */
export function MarkAllReadButton({ unread }: { unread: number }) {
  const [state, formAction, pending] = useActionState<ActionState<{ marked: number }> | null, FormData>(
    markAllNotificationsReadAction,
    null,
  );
  if (unread === 0 && state === null) return null;
  return (
    <form action={formAction} className="mb-4 flex flex-wrap items-center gap-2">
      {unread > 0 && (
        <button type="submit" disabled={pending} className={BUTTON}>
          Mark all read
        </button>
      )}
      <InlineFormStatus state={state} />
    </form>
  );
}
