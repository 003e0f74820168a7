import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { sameOriginUrl } from "@/lib/auth/safe-redirect";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";

export const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1000) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth gives the token itself 30 days unless told otherwise, whatever the session's maxAge says. The decode
  // derives the key once instead of on every request (session-token.ts).
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS, decode: decodeSessionToken },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
        if (!user || !ok) return null;
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.sid = await createSession(user.id);
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) (session.user as { id?: unknown }).id = token.uid;
      // Lets getCurrentUser() refuse sessions that were revoked, expired, or issued before a sessionVersion bump.
      Object.assign(session, { sv: token.sv ?? 0, sid: token.sid });
      return session;
    },
    // The default throws on a callback URL it cannot parse ("http://host:3000.evil.example/") and answers 500.
    redirect: async ({ url, baseUrl }) => sameOriginUrl(url, baseUrl),
  },
  events: {
    async signOut({ token }) {
      const sid = (token as { sid?: unknown } | null)?.sid;
      if (typeof sid === "string") await revokeSession(sid);
    },
  },
};
