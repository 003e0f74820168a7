"use client";

import { useState, type FormEvent } from "react";
import { failureOf, type TFailure } from "./failure";

export type TCallState<T> = { busy: boolean; result: T | null; failure: TFailure | null };

const IDLE = { busy: false, result: null, failure: null };

/**
 * One form's call to the server: busy while it runs, then its result or its failure. `submit` reads the form as
 * it is when sent (its files and fields, and which button sent it: "Check without importing" adds dryRun) and
 * empties it after a call that changed something.
 */
export function useImportCall<T>(call: (data: FormData, form: HTMLFormElement) => Promise<T>, changed: (result: T) => boolean) {
  const [state, setState] = useState<TCallState<T>>(IDLE);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null;
    const data = new FormData(form);
    if (submitter instanceof HTMLButtonElement && submitter.value === "dry") data.set("dryRun", "1");
    setState({ busy: true, result: null, failure: null });
    try {
      const result = await call(data, form);
      if (changed(result)) form.reset();
      setState({ busy: false, result, failure: null });
    } catch (error) {
      setState({ busy: false, result: null, failure: failureOf(error) });
    }
  }

  return { state, submit };
}
