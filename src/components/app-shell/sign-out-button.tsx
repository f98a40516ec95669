"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className="rounded border-2 border-white px-3 py-1 font-semibold text-white hover:bg-nhs-dark-blue"
    >
      Sign out
    </button>
  );
}
