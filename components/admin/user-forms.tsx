"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLES } from "@/lib/auth/roles";
import { SubmitButton } from "@/components/submit-button";
import { useHydrated } from "@/components/use-hydrated";

async function send(url: string, method: string, body: unknown) {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(data?.error?.message ?? `The server answered ${res.status}.`);
  return data;
}

export function AddUserForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = Object.fromEntries(new FormData(form).entries());
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      const created = await send("/api/team/users", "POST", data);
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
    if (!window.confirm(`Change ${name}'s role from ${value} to ${next}?`)) return;
    setError(null);
    try {
      await send(`/api/team/users/${userId}`, "PATCH", { role: next });
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
