import { Role } from "@/lib/generated/prisma/enums";

// The database's enum (prisma/schema.prisma), in its declared order.
export const ROLES = Object.values(Role);
export type TRole = Role;

export function isRole(value: unknown): value is TRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
