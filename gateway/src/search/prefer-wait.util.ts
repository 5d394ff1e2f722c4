/** The longest wait a client may ask for with `Prefer: wait=N`. */
export const MAX_PREFER_WAIT_SECONDS = 30;

export interface WaitPreference {
  waitMs: number;
  /** Value for `Preference-Applied`, or null when the client expressed no preference we honoured. */
  applied: string | null;
}

/**
 * Reads RFC 7240 `Prefer` (e.g. `wait=5`, `respond-async`, or both). `wait` is clamped to
 * 0..30 seconds; `respond-async` alone means "do not wait". Unparseable preferences are ignored,
 * as the RFC asks, and the configured default applies.
 */
export function parseWaitPreference(header: string | string[] | undefined, defaultWaitMs: number): WaitPreference {
  const preferences = (Array.isArray(header) ? header : [header ?? ''])
    .flatMap((value) => value.split(','))
    .map((preference) => preference.split(';')[0].trim().toLowerCase())
    .filter((preference) => preference.length > 0);

  const wait = preferences
    .map((preference) => /^wait\s*=\s*"?(\d{1,9})"?$/.exec(preference))
    .find((match): match is RegExpExecArray => match !== null);
  if (wait) {
    const seconds = Math.min(Number(wait[1]), MAX_PREFER_WAIT_SECONDS);
    return { waitMs: seconds * 1000, applied: `wait=${seconds}` };
  }
  if (preferences.includes('respond-async')) {
    return { waitMs: 0, applied: 'respond-async' };
  }
  return { waitMs: defaultWaitMs, applied: null };
}
