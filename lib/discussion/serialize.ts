import type { Reply, User } from "@/lib/generated/prisma/client";

export type TReply = {
  id: string;
  annotationId: string;
  author: { id: string; name: string; email: string };
  text: string;
  createdAt: string;
  updatedAt: string;
};

export const REPLY_AUTHOR = { author: { select: { id: true, name: true, email: true } } } as const;

export function serializeReply(r: Reply & { author: Pick<User, "id" | "name" | "email"> }): TReply {
  return {
    id: r.id,
    annotationId: r.annotationId,
    author: { id: r.author.id, name: r.author.name, email: r.author.email },
    text: r.text,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
