"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitButton } from "@/components/submit-button";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export function LoginForm({ from }: { from: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(
        result?.status === 429
          ? "Too many attempts for this account. Try again in a few minutes, or from a browser you have logged in with before."
          : "That email and password do not match an account.",
      );
      return;
    }
    // The page checked `from` already; checked again here because this is where the browser goes.
    router.replace(safeRedirectPath(from));
    router.refresh();
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <SubmitButton className="button primary" pending={pending}>
        {pending ? "Logging in…" : "Log in"}
      </SubmitButton>
    </form>
  );
}
