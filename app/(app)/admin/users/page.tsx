import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/session";
import { findTeammates } from "@/lib/users/find-teammates";
import { formatTimestamp } from "@/lib/ui/format";
import { AddUserForm, RoleSelect } from "@/components/admin/user-forms";

export const metadata: Metadata = { title: "People" };

export default async function UsersPage() {
  const user = await requirePermission("team:list-users", "/admin/users");
  const people = await findTeammates(user);
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/admin">Admin</Link>
        <span>People</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>People in {user.teamName}</h1>
          <p className="muted">Admins manage people and weights; reviewers and admins add articles; everyone annotates and reviews.</p>
        </div>
      </div>
      <div className="grid-2 align-start">
        <table className="table" data-testid="people" aria-label="People" tabIndex={0}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.email}</td>
                <td>
                  <RoleSelect userId={p.id} role={p.role} name={p.name} />
                </td>
                <td className="nowrap small-text">{formatTimestamp(p.createdAt.toISOString())}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <section className="card">
          <h2>Add a person</h2>
          <AddUserForm />
        </section>
      </div>
    </div>
  );
}
