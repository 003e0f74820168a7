import type { Metadata } from "next";
import { requireUser } from "@/lib/session";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="stack narrow">
      <div className="page-head">
        <div>
          <h1>Your account</h1>
          <p className="muted">
            {user.name} · {user.email} · {user.role} in {user.teamName}
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        <p className="muted">This logs you out everywhere, this browser included. Then log in with the new password.</p>
        <PasswordForm />
      </section>
    </div>
  );
}
