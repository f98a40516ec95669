"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Asks the server for the whole page again, layouts included, once after it mounts. The app's
 * layout (and the bell in it) is kept across client navigations, so a page that changed what
 * the layout shows uses this to bring it up to date.
 */
export function RefreshOnce() {
  const router = useRouter();
  useEffect(() => {
    router.refresh();
  }, [router]);
  return null;
}
