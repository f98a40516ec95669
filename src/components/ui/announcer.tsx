"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

/**
 * A page-level live region. A form whose own status would vanish when the list it sits in
 * re-renders (e.g. an activity moving to "Done") announces its outcome here instead.
 */
const AnnounceContext = createContext<(message: string) => void>(() => {});

export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const announce = useCallback((text: string) => setMessage(text), []);
  return (
    <AnnounceContext.Provider value={announce}>
      <div
        role="status"
        aria-live="polite"
        className={message ? "mb-4 border-l-4 border-nhs-green bg-white p-3" : "sr-only"}
      >
        {message}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnounceContext);
