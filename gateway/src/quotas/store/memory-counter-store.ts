import { CounterIncrement, CounterStore } from './counter-store';

const SWEEP_EVERY = 1000;

/** Counters of a single gateway process. */
export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private operations = 0;

  constructor(private readonly now: () => number = Date.now) {}

  increment(counters: readonly CounterIncrement[]): Promise<number[]> {
    this.sweepNow();
    const now = this.now();
    const counts: number[] = [];
    for (const { key, limit, expiresAt } of counters) {
      const current = this.counters.get(key);
      const entry = current && current.expiresAt > now ? current : { count: 0, expiresAt: expiresAt.getTime() };
      entry.count += 1;
      this.counters.set(key, entry);
      counts.push(entry.count);
      if (entry.count > limit) {
        break;
      }
    }
    return Promise.resolve(counts);
  }

  read(keys: readonly string[]): Promise<number[]> {
    const now = this.now();
    return Promise.resolve(
      keys.map((key) => {
        const entry = this.counters.get(key);
        return entry && entry.expiresAt > now ? entry.count : 0;
      }),
    );
  }

  private sweepNow(): void {
    this.operations += 1;
    if (this.operations % SWEEP_EVERY !== 0) {
      return;
    }
    const now = this.now();
    for (const [key, entry] of this.counters) {
      if (entry.expiresAt <= now) {
        this.counters.delete(key);
      }
    }
  }
}
