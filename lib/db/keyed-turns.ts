/**
 * One holder per key at a time, in order of arrival, within this process. `enter` resolves when the key's earlier
 * holders have all left, with the function that lets the next one in (calling it again does nothing).
 */
export class KeyedTurns {
  private readonly tails = new Map<string, Promise<void>>();

  async enter(key: string): Promise<() => void> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let leave!: () => void;
    const held = new Promise<void>((resolve) => (leave = resolve));
    const tail = before.then(() => held);
    this.tails.set(key, tail);
    await before;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      leave();
      // The last holder of a key leaves nothing behind.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }

  /** Keys with a holder or someone waiting. */
  get size(): number {
    return this.tails.size;
  }
}
