import type { DocumentEntity } from './document.entity';
import { documentKey, IndexChange, planIndexChanges, VersionedDocument } from './index-plan';

const NOW = '2026-11-26T10:00:00.000Z';

function doc(videoId: number, version: number, title = `video ${videoId}`): VersionedDocument {
  return { ownerId: 1, videoId, version, title, description: '', tags: ['t'], duration: 10 };
}

function row(videoId: number, version: number, overrides: Partial<DocumentEntity> = {}): DocumentEntity {
  return {
    ...doc(videoId, version),
    createdAt: null,
    captions: null,
    captionsLanguage: null,
    deleted: false,
    reindexId: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function held(...rows: DocumentEntity[]): Map<string, DocumentEntity> {
  return new Map(rows.map((entry) => [documentKey(entry.ownerId, entry.videoId), entry]));
}

const upsert = (document: VersionedDocument): IndexChange => ({ kind: 'upsert', document });
const remove = (videoId: number, version: number): IndexChange => ({ kind: 'delete', ownerId: 1, videoId, version });

describe('planIndexChanges', () => {
  it('applies a new video and sends it to the engine', () => {
    const plan = planIndexChanges(held(), [upsert(doc(1, 1))], NOW);
    expect(plan).toMatchObject({ applied: 1, skipped: 0, engineRemovals: [] });
    expect(plan.engineUpserts).toEqual([
      { ownerId: 1, videoId: 1, title: 'video 1', description: '', tags: ['t'], duration: 10 },
    ]);
    expect(plan.rows[0]).toMatchObject({ version: 1, deleted: false, updatedAt: NOW });
  });

  it('ignores an older or equal version (redelivery)', () => {
    const plan = planIndexChanges(held(row(1, 5)), [upsert(doc(1, 4)), upsert(doc(1, 5))], NOW);
    expect(plan).toMatchObject({ applied: 0, skipped: 2, rows: [], engineUpserts: [] });
  });

  it('applies a newer version', () => {
    const plan = planIndexChanges(held(row(1, 5)), [upsert(doc(1, 6, 'renamed'))], NOW);
    expect(plan.applied).toBe(1);
    expect(plan.engineUpserts[0].title).toBe('renamed');
  });

  it('keeps a tombstone with the delete version, so a late older upsert cannot resurrect the video', () => {
    const deleted = planIndexChanges(held(row(1, 1)), [remove(1, 2)], NOW);
    expect(deleted.rows[0]).toMatchObject({ videoId: 1, version: 2, deleted: true, title: '' });
    expect(deleted.engineRemovals).toEqual([{ ownerId: 1, videoId: 1 }]);

    const late = planIndexChanges(held(deleted.rows[0]), [upsert(doc(1, 1))], NOW);
    expect(late).toMatchObject({ applied: 0, skipped: 1, engineUpserts: [] });
  });

  it('records a tombstone for a delete that overtakes the first upsert', () => {
    const plan = planIndexChanges(held(), [remove(3, 2), upsert(doc(3, 1))], NOW);
    expect(plan).toMatchObject({ applied: 1, skipped: 1, engineUpserts: [] });
    expect(plan.rows).toEqual([expect.objectContaining({ videoId: 3, deleted: true, version: 2 })]);
  });

  it('applies changes of one batch in order, the newest winning', () => {
    const plan = planIndexChanges(held(), [upsert(doc(1, 1)), upsert(doc(1, 3, 'third')), upsert(doc(1, 2))], NOW);
    expect(plan).toMatchObject({ applied: 2, skipped: 1 });
    expect(plan.engineUpserts).toEqual([expect.objectContaining({ title: 'third' })]);
  });

  it('stamps every video a reindex sends, even when newer content is kept', () => {
    const plan = planIndexChanges(
      held(row(1, 9, { title: 'newer' })),
      [upsert(doc(1, 8)), upsert(doc(2, 1))],
      NOW,
      'r1',
    );
    expect(plan).toMatchObject({ applied: 1, skipped: 1 });
    expect(plan.rows).toEqual([
      expect.objectContaining({ videoId: 1, version: 9, title: 'newer', reindexId: 'r1' }),
      expect.objectContaining({ videoId: 2, reindexId: 'r1' }),
    ]);
    expect(plan.engineUpserts.map((entry) => entry.videoId)).toEqual([2]);
  });

  it('keeps the reindex stamp when an ordinary upsert updates the video later', () => {
    const plan = planIndexChanges(held(row(1, 1, { reindexId: 'r1' })), [upsert(doc(1, 2))], NOW);
    expect(plan.rows[0].reindexId).toBe('r1');
  });
});
