"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** "Sign in with NHSmail / Microsoft": starts the OpenID Connect flow (state, nonce and PKCE). */
export function SsoButton({
  providerId,
  label,
  callbackUrl,
}: {
  providerId: string;
  label: string;
  callbackUrl: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl });
      }}
    >
      {pending ? "Redirecting…" : `Sign in with ${label}`}
    </Button>
  );
}
