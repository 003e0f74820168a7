import type { Metadata } from "next";
import { requireUser } from "@/lib/session";
import { F1_ARTICLE_WINDOW, findTeamStats } from "@/lib/reviews/team-stats";

export const metadata: Metadata = { title: "Team agreement" };

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);

export default async function TeamPage() {
  const user = await requireUser("/team");
  const stats = await findTeamStats(user);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Team agreement</h1>
          <p className="muted">How much each annotator tagged, how teammates judged it, and how closely their spans match each other&apos;s.</p>
        </div>
      </div>
      <table className="table wide" data-testid="team-stats" aria-label="Team agreement" tabIndex={0}>
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col">Role</th>
            <th scope="col" className="num">Annotations</th>
            <th scope="col" className="num">Accepted</th>
            <th scope="col" className="num">Rejected</th>
            <th scope="col" className="num">Pending</th>
            <th scope="col" className="num" title="Accepted ÷ (accepted + rejected)">Acceptance</th>
            <th scope="col" className="num" title="Verdicts given on teammates' annotations">Reviews given</th>
            {stats.map((s) => (
              <th key={s.id} scope="col" className="num" title={`Mean span F1 against ${s.name}`}>
                F1 vs {s.name.split(" ")[0]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{s.role}</td>
              <td className="num">{s.total}</td>
              <td className="num">{s.accepted}</td>
              <td className="num">{s.rejected}</td>
              <td className="num">{s.pending}</td>
              <td className="num">{pct(s.acceptance)}</td>
              <td className="num" data-testid="reviews-given">{s.reviewsGiven}</td>
              {stats.map((other) => {
                const cell = s.f1.find((f) => f.teammate === other.id);
                return (
                  <td key={other.id} className="num" title={cell?.articles ? `over ${cell.articles} shared articles` : undefined}>
                    {other.id === s.id ? <span className="muted">—</span> : cell?.f1 == null ? <span className="muted">n/a</span> : cell.f1.toFixed(2)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="card explain">
        <h2>Reading these numbers</h2>
        <p>
          <strong>Acceptance</strong> is the share of an annotator&apos;s reviewed tags that teammates accepted (more agree than disagree
          verdicts). <strong>Reviews given</strong> counts the Agree and Disagree verdicts an annotator gave on teammates&apos; tags.{" "}
          <strong>F1</strong> compares two annotators&apos; spans on the articles both annotated: a span matches when the tag is the
          same and the ranges overlap with a Jaccard index of at least 0.5; 1.00 means identical tagging. It is averaged over their{" "}
          {F1_ARTICLE_WINDOW} most recently changed shared articles at most.
        </p>
      </div>
    </div>
  );
}
