"use client";

import { useEffect, useState } from "react";
import { api } from "@/lib/api-client";
import type { TMember } from "./mentions";

// One request per page load: the team changes rarely, and every thread opened meanwhile completes from it.
let cached: Promise<TMember[]> | null = null;

/** The caller's teammates for mention autocomplete; empty until they arrive, and if they cannot be fetched. */
export function useMembers(): TMember[] {
  const [members, setMembers] = useState<TMember[]>([]);
  useEffect(() => {
    let live = true;
    cached ??= api.teamMembers().then(
      (r) => r.members,
      () => {
        cached = null;
        return [];
      },
    );
    void cached.then((m) => live && setMembers(m));
    return () => {
      live = false;
    };
  }, []);
  return members;
}
