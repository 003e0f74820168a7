import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const from = safeRedirectPath((await searchParams).from);
  if (await getCurrentUser()) redirect(from);
  return (
    <div className="auth-card">
      <div className="brand brand-large">
        <span className="brand-mark" aria-hidden>❝</span> Sourcing
      </div>
      <h1>Log in</h1>
      <p className="muted">Highlight how articles source their claims, review your team&apos;s tags, and compare outlets.</p>
      <noscript>
        <p className="error" role="alert">
          This app needs JavaScript to log you in. Turn it on for this site, then reload the page.
        </p>
      </noscript>
      <LoginForm from={from} />
    </div>
  );
}
