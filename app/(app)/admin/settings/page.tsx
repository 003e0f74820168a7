import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/session";
import { findTeamWeights } from "@/lib/scoring/update-team-weights";
import { WeightsForm } from "@/components/admin/weights-form";

export const metadata: Metadata = { title: "Score weights" };

export default async function SettingsPage() {
  const user = await requirePermission("team:set-weights", "/admin/settings");
  const weights = await findTeamWeights(user);
  return (
    <div className="stack narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/admin">Admin</Link>
        <span>Score weights</span>
      </nav>
      <h1>Score weights</h1>
      <p className="muted">
        Each consensus span adds its tag&apos;s weight to S and the weight&apos;s absolute value to T; the score is 50 + 50 × S / (T + 2). Positive
        weights raise credibility, negative ones lower it. Saving recomputes every article&apos;s score.
      </p>
      <section className="card">
        <WeightsForm initial={weights} />
      </section>
    </div>
  );
}
