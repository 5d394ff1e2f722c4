import type { VideoDocument } from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchException } from '@search/common/search.exception';
import { toUpsertChanges } from './index-request.mapper';

const video = (overrides: Partial<VideoDocument> = {}): VideoDocument => ({
  ownerId: 1,
  videoId: 2,
  version: 3,
  title: 'Sourdough basics',
  description: 'Starter and loaf',
  tags: ['baking'],
  duration: 300,
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '',
  captions: [],
  captionsLanguage: '',
  ...overrides,
});

describe('toUpsertChanges', () => {
  it('keeps the creation time, normalised to ISO 8601 UTC', () => {
    const [change] = toUpsertChanges([video({ createdAt: '2026-11-20T11:00:00+01:00' })]);
    expect(change).toMatchObject({ kind: 'upsert', document: { createdAt: '2026-11-20T10:00:00.000Z' } });
  });

  it('leaves the creation time unknown when it is empty', () => {
    const [change] = toUpsertChanges([video({ createdAt: '' })]);
    expect(change.kind === 'upsert' && change.document.createdAt).toBeUndefined();
  });

  it('refuses a creation time that is not a date, naming the video', () => {
    expect(() => toUpsertChanges([video(), video({ createdAt: 'yesterday' })])).toThrow(
      SearchException.invalidArgument('videos[1].created_at must be an ISO 8601 date-time'),
    );
  });
});
