"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { isRole, ROLES } from "@/lib/auth/roles";
import { api } from "@/lib/api-client";
import { SubmitButton } from "@/components/submit-button";
import { useHydrated } from "@/components/use-hydrated";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

export function AddUserForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const role = data.get("role");
    if (!isRole(role)) return setError(`Choose a role: ${ROLES.join(", ")}.`);
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      const created = await api.addTeamUser({ name: text(data, "name"), email: text(data, "email"), role, password: text(data, "password") });
      setNotice(`Added ${created.name} as ${created.role}. Share the initial password with them privately.`);
      form.reset();
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(false);
    }
  }
  return (
    <form className="form" onSubmit={onSubmit}>
      <label className="field">
        <span>Name</span>
        <input name="name" required maxLength={200} />
      </label>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" required maxLength={320} />
      </label>
      <label className="field">
        <span>Role</span>
        <select name="role" defaultValue="annotator">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Initial password (at least 10 characters)</span>
        <input name="password" type="password" required minLength={10} autoComplete="new-password" />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      <SubmitButton className="button primary" pending={pending}>
        {pending ? "Adding…" : "Add person"}
      </SubmitButton>
    </form>
  );
}

export function RoleSelect({ userId, role, name }: { userId: string; role: string; name: string }) {
  const router = useRouter();
  const [value, setValue] = useState(role);
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  async function change(next: string) {
    if (!isRole(next)) return;
    if (!window.confirm(`Change ${name}'s role from ${value} to ${next}?`)) return;
    setError(null);
    try {
      await api.changeRole(userId, { role: next });
      setValue(next);
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <>
      <select className="input" aria-label={`Role of ${name}`} value={value} disabled={!hydrated} onChange={(e) => void change(e.target.value)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {error && <p className="error small-text">{error}</p>}
    </>
  );
}
