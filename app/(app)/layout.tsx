import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/session";
import { LiveEvents } from "@/components/live/live-events";
import { LogoutButton } from "@/components/logout-button";
import { NavLink } from "@/components/nav-link";
import { NotificationBell } from "@/components/notifications/notification-bell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/articles" className="brand">
            <span className="brand-mark" aria-hidden>❝</span> Sourcing
          </Link>
          <nav className="nav" aria-label="Main">
            <NavLink href="/articles">Articles</NavLink>
            <NavLink href="/review">Review</NavLink>
            <NavLink href="/scores">Scores</NavLink>
            <NavLink href="/team">Team</NavLink>
            <NavLink href="/search">Search</NavLink>
            {(can(user, "import:articles") || can(user, "import:annotations")) && <NavLink href="/import">Import</NavLink>}
            {can(user, "admin:view") && <NavLink href="/admin">Admin</NavLink>}
          </nav>
          <div className="whoami">
            <NotificationBell />
            <Link href="/account" className="whoami-name" data-testid="current-user" title="Your account">
              {user.name}
            </Link>
            <span className="whoami-meta">
              {user.role} · {user.teamName}
            </span>
            <LogoutButton />
          </div>
        </div>
      </header>
      <main className="page">{children}</main>
      <LiveEvents />
    </>
  );
}
