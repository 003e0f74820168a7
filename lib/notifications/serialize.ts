import type { Notification, User } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export type TNotification = {
  id: string;
  kind: NotificationKind;
  read: boolean;
  createdAt: string;
  annotationId: string;
  articleId: string;
  replyId: string | null;
  actor: { id: string; name: string } | null;
  articleTitle: string;
  quote: string;
};

export const NOTIFICATION_INCLUDE = {
  actor: { select: { id: true, name: true } },
  annotation: { select: { quote: true, article: { select: { title: true } } } },
} as const;

type TNotificationRow = Notification & {
  actor: Pick<User, "id" | "name"> | null;
  annotation: { quote: string; article: { title: string } };
};

export function serializeNotification(n: TNotificationRow): TNotification {
  return {
    id: n.id,
    kind: n.kind,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
    annotationId: n.annotationId,
    articleId: n.articleId,
    replyId: n.replyId,
    actor: n.actor ? { id: n.actor.id, name: n.actor.name } : null,
    articleTitle: n.annotation.article.title,
    quote: n.annotation.quote,
  };
}
