"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { SubmitButton } from "@/components/submit-button";
import { ApiError, api } from "@/lib/api-client";
import { MIN_PASSWORD_LENGTH as MIN_LENGTH } from "@/lib/auth/password-policy";

type TState = { kind: "idle" } | { kind: "pending" } | { kind: "error"; message: string } | { kind: "done" };

function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return "Your password could not be changed. Try again.";
  return error.status === 429 ? "Too many wrong passwords. Wait a few minutes and try again." : error.message;
}

export function PasswordForm() {
  const [state, setState] = useState<TState>({ kind: "idle" });

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword.length < MIN_LENGTH) return setState({ kind: "error", message: `The new password needs at least ${MIN_LENGTH} characters.` });
    if (newPassword !== String(form.get("confirmPassword") ?? "")) return setState({ kind: "error", message: "The two new passwords differ." });
    setState({ kind: "pending" });
    try {
      await api.changePassword({ currentPassword, newPassword });
    } catch (error) {
      return setState({ kind: "error", message: messageOf(error) });
    }
    setState({ kind: "done" });
    // Every session, this one too, has ended on the server; this clears the browser's cookie and goes to the login.
    await signOut({ callbackUrl: "/login?from=%2Faccount" });
  }

  const pending = state.kind === "pending" || state.kind === "done";
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={pending}>
      <label className="field">
        <span>Current password</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required />
      </label>
      <label className="field">
        <span>New password</span>
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={MIN_LENGTH} aria-describedby="new-password-hint" />
      </label>
      <p id="new-password-hint" className="muted small-text" style={{ margin: "-0.5rem 0 0" }}>
        At least {MIN_LENGTH} characters.
      </p>
      <label className="field">
        <span>New password again</span>
        <input name="confirmPassword" type="password" autoComplete="new-password" required />
      </label>
      {state.kind === "error" && (
        <p className="error" role="alert" data-testid="password-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && (
        <p className="notice" role="status">
          Password changed. Logging you out…
        </p>
      )}
      <div>
        <SubmitButton className="button primary" pending={pending}>
          {pending ? "Changing…" : "Change password"}
        </SubmitButton>
      </div>
    </form>
  );
}
