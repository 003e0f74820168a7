import type { Metadata } from "next";
import { requireUser } from "@/lib/session";
import { NotificationList } from "@/components/notifications/notification-list";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireUser("/notifications");
  return (
    <div className="stack notif-page">
      <div className="page-head">
        <div>
          <h1>Notifications</h1>
          <p className="muted">Mentions, replies in your discussions and reviews of your annotations. Open one to go to its passage.</p>
        </div>
      </div>
      <NotificationList />
    </div>
  );
}
