"use client";

import { signOut } from "next-auth/react";

export function LogoutButton() {
  return (
    <button type="button" className="button ghost small" onClick={() => signOut({ callbackUrl: "/login" })}>
      Log out
    </button>
  );
}
