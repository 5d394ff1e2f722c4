import { HitChange } from '../../core/api/search.types';

export interface ChangeMark {
  /** ↑, ↓, "new", "lost" or "=". */
  symbol: string;
  text: string;
  tone: 'up' | 'down' | 'new' | 'lost' | 'same';
}

/** One hit's change between the job's results and the replay's, with its positions (1-based). */
export function changeMark(change: HitChange): ChangeMark {
  const before = change.before_position;
  const after = change.after_position;
  switch (change.change) {
    case 'new':
      return { symbol: 'new', text: `new at ${after}`, tone: 'new' };
    case 'lost':
      return { symbol: 'lost', text: `lost (was ${before})`, tone: 'lost' };
    case 'moved': {
      const up = after !== null && before !== null && after < before;
      return { symbol: up ? '↑' : '↓', text: `${before} → ${after}`, tone: up ? 'up' : 'down' };
    }
    case 'unchanged':
      return { symbol: '=', text: `stays at ${after}`, tone: 'same' };
  }
}

/** The changes by video id, so each column can mark its own rows. */
export function changesByVideo(changes: readonly HitChange[]): Map<number, HitChange> {
  return new Map(changes.map((change) => [change.video_id, change]));
}
