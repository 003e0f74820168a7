// Nested intersections and aliases are flattened first, so `A & B` and the same members written out compare equal.
type TFlat<T> = T extends readonly unknown[] ? { [K in keyof T]: TFlat<T[K]> } : T extends object ? { [K in keyof T]: TFlat<T[K]> } : T;

// Mutual assignability lets `any` and optional-versus-undefined slip through; this form of equality does not.
type TEquals<A, B> = (<T>() => T extends TFlat<A> ? 1 : 2) extends <T>() => T extends TFlat<B> ? 1 : 2 ? true : false;

/**
 * Compiles only when A and B are the same type, and does nothing when run. A route's response schema calls it with
 * the schema's inferred type and the type of what the route really answers (its serializer's), so when either
 * changes without the other `tsc` fails, and the build with it.
 */
export function sameType<A, B>(..._proof: TEquals<A, B> extends true ? [] : ["the schema and the route's type differ"]): void {}
