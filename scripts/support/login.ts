// Logging in through the app's real next-auth credentials flow, as a script (no browser): the CSRF token, then the
// credentials callback. Attempts on one account are charged to the login throttle before the password is checked, so
// scripts log in to one account one after another; more than a handful at once are refused like a burst of guesses.

export type TLoginAttempt = { status: number; cookie: string | null };

/** One login attempt; `cookie` is the Cookie header of the new session, null when none was set. */
export async function attemptLogin(baseURL: string, email: string, password: string): Promise<TLoginAttempt> {
  const csrfRes = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = pair!.split("=");
      jar.set(name!, rest.join("="));
    }
  };
  keep(csrfRes);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  await res.arrayBuffer();
  const loggedIn = [...jar.keys()].some((k) => k.includes("session-token"));
  return { status: res.status, cookie: loggedIn ? cookie() : null };
}

/** The Cookie header of a new session; throws when the login fails. */
export async function loginCookie(baseURL: string, email: string, password: string): Promise<string> {
  const { status, cookie } = await attemptLogin(baseURL, email, password);
  if (!cookie) throw new Error(`Login failed for ${email} (${status})`);
  return cookie;
}
