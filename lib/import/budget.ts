import { IMPORT_TIME_LIMIT_MS } from "./limits";
import { fileProblem } from "./problems";

/** Work done between two looks at the clock, and the longest the event loop is held before others get a turn. */
const CHECK_EVERY = 32;
const SLICE_MS = 10;

/**
 * Paces the reading of an import on the server's one event loop: `pace()` between rows or items hands the loop
 * back to other requests every few milliseconds, and refuses the import (422) once it has run past its time.
 */
export class ImportBudget {
  private readonly deadline: number;
  private sliceStart = performance.now();
  private calls = 0;

  constructor(limitMs = IMPORT_TIME_LIMIT_MS) {
    this.deadline = Date.now() + limitMs;
  }

  async pace(): Promise<void> {
    if (++this.calls % CHECK_EVERY !== 0 || performance.now() - this.sliceStart < SLICE_MS) return;
    this.checkDeadline();
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }

  checkDeadline(): void {
    if (Date.now() > this.deadline) {
      throw fileProblem("took too long to read. Split it into smaller files and import them one at a time.", "TOO_SLOW");
    }
  }
}
