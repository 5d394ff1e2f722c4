import { Logger } from '@nestjs/common';
import type { IndexingConfig } from '@search/config/indexing.config';
import { runMigrations } from '@search/database/migrate';
import { typeOrmOptions } from '@search/database/typeorm-options';
import { createSearchEngine, type EngineQuery, type SearchEngine } from '@search/engine';
import { CORPUS, OTHER_OWNER, OWNER, video } from '@search/engine/__fixtures__/corpus';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppliedRows } from './applied-rows';
import { DocumentsRepository } from './documents.repository';
import { IndexFollowerService } from './index-follower.service';
import { IndexLoaderService } from './index-loader.service';
import { IndexChange, toEngineDocument } from './index-plan';
import { decodeSnapshot, encodeSnapshot } from './index-snapshot-file';
import { IndexSnapshotService, SNAPSHOT_FILE_NAME } from './index-snapshot.service';
import { IndexingService } from './indexing.service';
import { WriteSerializer } from './write-serializer';

/** No overlap, so the replay count shows exactly which rows came from the file and which were replayed. */
const CONFIG: IndexingConfig = { syncIntervalMs: 1000, syncOverlapMs: 0, snapshotIntervalMs: 0 };

const QUERIES: EngineQuery[] = [
  { ownerId: OWNER, text: 'guitar lessons' },
  { ownerId: OWNER, text: 'gutiar', algorithm: 'fuzzy' },
  { ownerId: OWNER, text: 'philo', algorithm: 'prefix' },
  { ownerId: OWNER, text: 'fone', algorithm: 'phonetic' },
  { ownerId: OWNER, text: 'explained', tags: ['education'], minDuration: 400 },
  { ownerId: OWNER, text: 'night sky' },
  { ownerId: OWNER, text: 'banjo' },
  { ownerId: OTHER_OWNER, text: 'zeppelin' },
];

function upserts(version: number, ...documents: ReturnType<typeof video>[]): IndexChange[] {
  return documents.map((document) => ({ kind: 'upsert', document: { ...document, version } }));
}

/** Lets the clock move on, so rows written next are stamped after the snapshot's mark. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('IndexSnapshotService (SQLite, migrated)', () => {
  let dataSource: DataSource;
  let dataDir: string;
  let documents: DocumentsRepository;
  let serializer: WriteSerializer;
  let live: SearchEngine;
  let writer: IndexingService;
  let applied: AppliedRows;
  let warn: jest.SpyInstance;

  function snapshotService(engine: SearchEngine): IndexSnapshotService {
    const follower = new IndexFollowerService(CONFIG, documents, serializer, engine, applied);
    return new IndexSnapshotService(
      CONFIG,
      { kind: 'sqlite', dataDir, sqlitePath: ':memory:' },
      documents,
      follower,
      serializer,
      engine,
    );
  }

  async function fullLoad(): Promise<SearchEngine> {
    const engine = createSearchEngine();
    for await (const page of documents.liveDocumentPages()) {
      engine.upsert(page.map(toEngineDocument));
    }
    return engine;
  }

  function expectSameIndex(actual: SearchEngine, expected: SearchEngine): void {
    for (const query of QUERIES) {
      expect(actual.search(query)).toEqual(expected.search(query));
    }
    expect(actual.stats()).toEqual(expected.stats());
  }

  beforeEach(async () => {
    const options = typeOrmOptions({ kind: 'sqlite', dataDir: '.', sqlitePath: ':memory:' });
    dataSource = new DataSource({ ...options, enableWAL: false } as typeof options);
    await dataSource.initialize();
    await runMigrations(dataSource);
    dataDir = mkdtempSync(join(tmpdir(), 'index-snapshot-'));
    documents = new DocumentsRepository(dataSource);
    serializer = new WriteSerializer();
    live = createSearchEngine();
    applied = new AppliedRows();
    writer = new IndexingService(documents, live, serializer, applied);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await writer.apply(upserts(1, ...CORPUS, video(100, 'Zeppelin history', 'Airships', ['history'], 60, OTHER_OWNER)));
    await tick();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
    await dataSource.destroy();
  });

  it('restores the snapshot and replays later upserts and deletes into the same index a full load builds', async () => {
    await expect(snapshotService(live).save()).resolves.toBe(true);
    await tick();
    await writer.apply([
      ...upserts(1, video(20, 'Banjo basics', 'Five strings and a capo', ['music'], 300)),
      ...upserts(2, video(1, 'Guitar lessons for experts', 'Sweep picking and tapping', ['music'], 900)),
      { kind: 'delete', ownerId: OWNER, videoId: 8, version: 2 },
    ]);

    const restored = createSearchEngine();
    const outcome = await snapshotService(restored).restore();

    expect(outcome).toMatchObject({ documents: CORPUS.length + 1, replayed: 3 });
    expectSameIndex(restored, await fullLoad());
    expectSameIndex(restored, live);
    expect(
      restored.search({ ownerId: OWNER, text: 'night sky timelapse' }).hits.map((hit) => hit.videoId),
    ).not.toContain(8);
    expect(restored.search({ ownerId: OWNER, text: 'banjo' }).hits.map((hit) => hit.videoId)).toEqual([20]);
    expect(restored.search({ ownerId: OWNER, text: 'guitar experts' }).hits[0]).toMatchObject({ videoId: 1 });
  });

  it('writes only when the table changed since the last snapshot, replacing the file whole', async () => {
    const sut = snapshotService(live);
    await expect(sut.save()).resolves.toBe(true);
    await expect(sut.save()).resolves.toBe(false);
    await writer.apply(upserts(1, video(21, 'Ukulele chords', 'Four strings', [], 120)));
    await expect(sut.save()).resolves.toBe(true);
    expect(existsSync(join(dataDir, SNAPSHOT_FILE_NAME))).toBe(true);
    expect(existsSync(join(dataDir, `${SNAPSHOT_FILE_NAME}.${process.pid}.tmp`))).toBe(false);

    const restored = createSearchEngine();
    await expect(snapshotService(restored).restore()).resolves.toMatchObject({ documents: CORPUS.length + 2 });
    expectSameIndex(restored, live);
  });

  it('writes on a graceful shutdown', async () => {
    await snapshotService(live).beforeApplicationShutdown();
    const restored = createSearchEngine();
    await expect(snapshotService(restored).restore()).resolves.toMatchObject({ replayed: 0 });
    expectSameIndex(restored, live);
  });

  it("on a shared database, marks the file no later than where the follower has applied other replicas' rows", async () => {
    jest.spyOn(documents, 'isShared', 'get').mockReturnValue(true);
    const follower = new IndexFollowerService(CONFIG, documents, serializer, live, applied);
    const followed = '2026-01-01T00:00:00.000Z';
    jest.spyOn(follower, 'appliedBefore').mockReturnValue(followed);
    const sut = new IndexSnapshotService(
      CONFIG,
      { kind: 'postgres', dataDir, url: 'postgres://unused' },
      documents,
      follower,
      serializer,
      live,
    );
    await sut.save();
    expect(decodeSnapshot(readFileSync(join(dataDir, SNAPSHOT_FILE_NAME))).header.mark).toBe(followed);
  });

  it('answers null when there is no snapshot yet', async () => {
    await expect(snapshotService(createSearchEngine()).restore()).resolves.toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  describe('an unusable snapshot is ignored, logged, and leaves the engine empty', () => {
    const path = (): string => join(dataDir, SNAPSHOT_FILE_NAME);

    async function expectIgnored(reason: RegExp): Promise<void> {
      const engine = createSearchEngine();
      await expect(snapshotService(engine).restore()).resolves.toBeNull();
      expect(engine.stats().documents).toBe(0);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(reason));
    }

    it('a file that is not a snapshot', async () => {
      writeFileSync(path(), 'garbage');
      await expectIgnored(/not a search index snapshot file/);
    });

    it('a truncated file', async () => {
      await snapshotService(live).save();
      const bytes = readFileSync(path());
      writeFileSync(path(), bytes.subarray(0, bytes.length - 10));
      await expectIgnored(/truncated or damaged/);
    });

    it('a damaged byte in the index', async () => {
      await snapshotService(live).save();
      const bytes = readFileSync(path());
      bytes[bytes.length - 20] ^= 0xff;
      writeFileSync(path(), bytes);
      await expectIgnored(/truncated or damaged/);
    });

    it('an older file format', async () => {
      await snapshotService(live).save();
      const bytes = readFileSync(path()).toString('latin1').replace('"format":1', '"format":0');
      writeFileSync(path(), Buffer.from(bytes, 'latin1'));
      await expectIgnored(/file format 0, expected 1/);
    });

    it('an intact file whose bytes the engine does not accept (an older engine layout)', async () => {
      const mark = new Date().toISOString();
      writeFileSync(path(), Buffer.concat(encodeSnapshot({ mark, takenAt: mark }, Buffer.from('old layout'))));
      await expectIgnored(/Invalid search index snapshot/);
    });

    it('a snapshot that disagrees with the table (e.g. a database replaced under it)', async () => {
      await snapshotService(live).save();
      await dataSource.query('DELETE FROM documents WHERE video_id = 3');
      await expectIgnored(/restores 9 documents but the table holds 8/);
    });
  });

  it('the loader falls back to the full load when the snapshot is corrupt', async () => {
    writeFileSync(join(dataDir, SNAPSHOT_FILE_NAME), 'garbage');
    const engine = createSearchEngine();
    await new IndexLoaderService(documents, snapshotService(engine), engine).onModuleInit();
    expectSameIndex(engine, live);
    expect(engine.stats().documents).toBe(CORPUS.length + 1);
  });

  it('the loader uses the snapshot when there is one', async () => {
    await snapshotService(live).save();
    const log = jest.spyOn(Logger.prototype, 'log');
    const engine = createSearchEngine();
    await new IndexLoaderService(documents, snapshotService(engine), engine).onModuleInit();
    expectSameIndex(engine, live);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^Restored 9 documents from the index snapshot and replayed 0 changes since .* in \d+ ms$/),
    );
  });
});
