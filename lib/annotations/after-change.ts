import type { Tx } from "@/lib/db/client";

/** Hook run inside every transaction that changes an article's annotations or their statuses. */
export async function afterAnnotationsChanged(_tx: Tx, _articleId: string): Promise<void> {}
