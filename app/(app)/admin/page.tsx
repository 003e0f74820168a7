import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const user = await requirePermission("admin:view", "/admin");
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Admin</h1>
          <p className="muted">Settings for {user.teamName}.</p>
        </div>
      </div>
      <div className="outlet-cards">
        <Link href="/admin/users" className="card admin-card">
          <h2>People</h2>
          <p className="muted">Add teammates, change their roles.</p>
        </Link>
        <Link href="/admin/settings" className="card admin-card">
          <h2>Score weights</h2>
          <p className="muted">How much each tag moves the credibility score.</p>
        </Link>
        <Link href="/admin/codebook" className="card admin-card">
          <h2>Codebook</h2>
          <p className="muted">Your team&apos;s wording of each tag, in the tag palette and on How to tag.</p>
        </Link>
        <Link href="/admin/audit" className="card admin-card">
          <h2>Audit log</h2>
          <p className="muted">Every create, change, delete and review, with who and when.</p>
        </Link>
      </div>
    </div>
  );
}
