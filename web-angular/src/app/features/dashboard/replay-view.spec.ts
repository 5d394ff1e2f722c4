import { HitChange } from '../../core/api/search.types';
import { changeMark, changesByVideo } from './replay-view';

const change = (overrides: Partial<HitChange>): HitChange => ({
  video_id: 1,
  title: 'Pasta',
  change: 'unchanged',
  before_position: 1,
  after_position: 1,
  before_score: 0.9,
  after_score: 0.9,
  ...overrides,
});

describe('changeMark', () => {
  it('marks moves up and down with both positions', () => {
    expect(changeMark(change({ change: 'moved', before_position: 3, after_position: 1 }))).toEqual({
      symbol: '↑',
      text: '3 → 1',
      tone: 'up',
    });
    expect(changeMark(change({ change: 'moved', before_position: 1, after_position: 4 }))).toEqual({
      symbol: '↓',
      text: '1 → 4',
      tone: 'down',
    });
  });

  it('marks new, lost and unchanged hits', () => {
    expect(changeMark(change({ change: 'new', before_position: null, after_position: 2 })).text).toBe('new at 2');
    expect(changeMark(change({ change: 'lost', before_position: 3, after_position: null })).text).toBe('lost (was 3)');
    expect(changeMark(change({})).tone).toBe('same');
  });

  it('indexes the changes by video', () => {
    expect(changesByVideo([change({ video_id: 4 })]).get(4)?.title).toBe('Pasta');
  });
});
