/** The fixed UTC windows quotas are counted in. */
export type WindowKind = 'minute' | 'day' | 'month';

export interface QuotaWindow {
  kind: WindowKind;
  /** Identifies the window in counter keys, e.g. `202611261042`, `20261126`, `202611`. */
  id: string;
  startsAt: Date;
  resetsAt: Date;
}

/** Every window changes only at a minute boundary, so each request of the same minute shares one. */
const latest = new Map<WindowKind, { minute: number; window: QuotaWindow }>();

export function windowFor(kind: WindowKind, now: Date): QuotaWindow {
  const minute = Math.floor(now.getTime() / 60_000);
  const cached = latest.get(kind);
  if (cached?.minute === minute) {
    return cached.window;
  }
  const window = computeWindow(kind, now);
  latest.set(kind, { minute, window });
  return window;
}

function computeWindow(kind: WindowKind, now: Date): QuotaWindow {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const day = now.getUTCDate();
  switch (kind) {
    case 'minute': {
      const startsAt = new Date(Date.UTC(year, month, day, now.getUTCHours(), now.getUTCMinutes()));
      return { kind, id: compact(startsAt, 12), startsAt, resetsAt: new Date(startsAt.getTime() + 60_000) };
    }
    case 'day': {
      const startsAt = new Date(Date.UTC(year, month, day));
      return { kind, id: compact(startsAt, 8), startsAt, resetsAt: new Date(Date.UTC(year, month, day + 1)) };
    }
    case 'month': {
      const startsAt = new Date(Date.UTC(year, month, 1));
      return { kind, id: compact(startsAt, 6), startsAt, resetsAt: new Date(Date.UTC(year, month + 1, 1)) };
    }
  }
}

/** Whole seconds until the window resets, at least 1 so a client never retries at once. */
export function secondsUntilReset(window: QuotaWindow, now: Date): number {
  return Math.max(1, Math.ceil((window.resetsAt.getTime() - now.getTime()) / 1000));
}

function compact(at: Date, digits: number): string {
  return at
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, digits);
}
