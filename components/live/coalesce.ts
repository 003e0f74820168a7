/**
 * Wraps a refetch so that a burst of changes costs at most two runs: one in flight, and one more after it for
 * whatever arrived meanwhile (the running fetch may have read before those changes). A failed run is left to the
 * next change or resync; the page keeps what it shows.
 */
export function coalesce(run: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const trigger = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    run()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          trigger();
        }
      });
  };
  return trigger;
}
