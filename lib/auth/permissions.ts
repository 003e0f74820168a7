import { AppError } from "@/lib/errors";
import type { TRole } from "./roles";

/** Everything a role may or may not do. What every member of a team may do (read, annotate, review) is not listed. */
export const ACTIONS = [
  "article:create",
  "article:edit",
  "story:edit",
  "import:articles",
  "import:annotations",
  "import:annotations-for-others",
  "annotation:delete-any",
  "team:list-users",
  "team:add-user",
  "team:change-role",
  "team:set-weights",
  "audit:read",
  "admin:view",
  "codebook:edit",
] as const;

export type TAction = (typeof ACTIONS)[number];

/** The roles allowed each action: the one place a role decides anything. */
export const PERMISSIONS: Readonly<Record<TAction, readonly TRole[]>> = {
  "article:create": ["admin", "reviewer"],
  "article:edit": ["admin", "reviewer"],
  "story:edit": ["admin", "reviewer"],
  "import:articles": ["admin", "reviewer"],
  "import:annotations": ["admin", "reviewer"],
  "import:annotations-for-others": ["admin"],
  "annotation:delete-any": ["admin"],
  "team:list-users": ["admin"],
  "team:add-user": ["admin"],
  "team:change-role": ["admin"],
  "team:set-weights": ["admin"],
  "audit:read": ["admin"],
  "admin:view": ["admin"],
  "codebook:edit": ["admin"],
};

// What a refusal says the caller could not do: "Only admins can <this>."
const DOING: Readonly<Record<TAction, string>> = {
  "article:create": "add articles",
  "article:edit": "edit articles' details",
  "story:edit": "create, rename or merge stories",
  "import:articles": "import articles",
  "import:annotations": "import annotations",
  "import:annotations-for-others": "import annotations in another teammate's name",
  "annotation:delete-any": "delete another teammate's annotation",
  "team:list-users": "list the team's accounts",
  "team:add-user": "add users",
  "team:change-role": "change roles",
  "team:set-weights": "change the score weights",
  "audit:read": "read the audit log",
  "admin:view": "open the admin pages",
  "codebook:edit": "edit the codebook",
};

export function can(user: { role: TRole }, action: TAction): boolean {
  return PERMISSIONS[action].includes(user.role);
}

const plural = (roles: readonly TRole[]) => {
  const names = roles.map((role) => `${role}s`);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "no one");
};

/** The refusal of an action the user's role does not allow (403 FORBIDDEN at the API). */
export function assertCan(user: { role: TRole }, action: TAction): void {
  if (!can(user, action)) throw new AppError("FORBIDDEN", `Only ${plural(PERMISSIONS[action])} can ${DOING[action]}.`);
}
