import bcrypt from "bcryptjs";

export const BCRYPT_COST = 11;
export { MIN_PASSWORD_LENGTH } from "./password-policy";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

// Compared against when the email is unknown, so both paths cost the same (no user enumeration by timing).
const DUMMY_HASH = "$2b$11$CwTycUXWue0Thq9StjUM0uJ8.7QdMZsWfTzGvG3ZJr1Vx2s4W5bQe";

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return Boolean(hash) && ok;
}
