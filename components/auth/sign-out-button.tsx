"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

// Signs out without next-auth's own redirect (which would use NEXTAUTH_URL's host), then loads
// the sign-in page fresh so no signed-in page stays in the client cache.
export function SignOutButton({ className, label = "Se déconnecter" }: { className?: string; label?: string }) {
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setPending(true);
    try {
      await signOut({ redirect: false });
    } finally {
      // A full load on purpose: it drops every signed-in page the client router has cached.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/login");
    }
  }

  return (
    <button type="button" onClick={handleClick} disabled={pending} aria-busy={pending} className={className}>
      {pending ? "Déconnexion…" : label}
    </button>
  );
}
