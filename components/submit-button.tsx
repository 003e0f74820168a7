"use client";

import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "@/components/use-hydrated";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & { pending?: boolean };

/**
 * The submit button of a form that React sends. It stays disabled until hydration, which also blocks the
 * browser's own submission on Enter, so a form can never fall back to a native GET of its fields.
 */
export function SubmitButton({ pending = false, disabled = false, ...props }: Props) {
  const hydrated = useHydrated();
  return <button {...props} type="submit" disabled={disabled || pending || !hydrated} />;
}
