// Apart from lib/auth/password.ts so that forms and request schemas can use it without pulling in bcrypt.
export const MIN_PASSWORD_LENGTH = 10;
