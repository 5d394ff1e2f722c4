import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * The ceiling an import is measured against: the same rows stored by the database alone, in process, into the
 * gateway's own schema (a video, its tags and its outbox event each, in transactions of 500 rows), without HTTP,
 * validation, the relay or the index. Run after the import, against the same database, for the same owner.
 */
export interface ImportRow {
  title: string;
  description: string;
  duration: number;
  tags: string[];
}

const BATCH = 500;

function payload(row: ImportRow, stamp: string): string {
  return JSON.stringify({ ...row, created_at: stamp, updated_at: stamp });
}

export function sqliteStorageSeconds(file: string, ownerId: number, rows: readonly ImportRow[]): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const video = db.prepare(
      'INSERT INTO videos (owner_id, title, title_lower, description, duration, version, created_at, updated_at) ' +
        'VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
    );
    const tag = db.prepare('INSERT INTO video_tags (video_id, tag, position) VALUES (?, ?, ?)');
    const event = db.prepare(
      'INSERT INTO outbox_events (type, owner_id, video_id, version, payload, created_at, delivered_at, attempts, ' +
        "next_attempt_at) VALUES ('upsert', ?, ?, 1, ?, ?, NULL, 0, ?)",
    );
    const store = db.transaction((batch: readonly ImportRow[]) => {
      const stamp = new Date().toISOString();
      for (const row of batch) {
        const id = video.run(
          ownerId,
          row.title,
          row.title.toLowerCase(),
          row.description,
          row.duration,
          stamp,
          stamp,
        ).lastInsertRowid;
        row.tags.forEach((name, position) => tag.run(id, name, position));
        event.run(ownerId, id, payload(row, stamp), stamp, stamp);
      }
    });
    const started = performance.now();
    for (let start = 0; start < rows.length; start += BATCH) {
      store(rows.slice(start, start + BATCH));
    }
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
  }
}

export async function postgresStorageSeconds(
  url: string,
  ownerId: number,
  rows: readonly ImportRow[],
): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const stamp = new Date().toISOString();
      await client.query('BEGIN');
      const inserted = await client.query<{ id: number }>(
        'INSERT INTO videos (owner_id, title, title_lower, description, duration, version, created_at, updated_at) ' +
          'SELECT $1, title, lower(title), description, duration, 1, $2, $2 ' +
          'FROM unnest($3::text[], $4::text[], $5::int[]) AS row(title, description, duration) RETURNING id',
        [
          ownerId,
          stamp,
          batch.map((row) => row.title),
          batch.map((row) => row.description),
          batch.map((row) => row.duration),
        ],
      );
      const ids = inserted.rows.map((row) => row.id);
      const tags = batch.flatMap((row, index) =>
        row.tags.map((name, position) => ({ id: ids[index], name, position })),
      );
      await client.query(
        'INSERT INTO video_tags (video_id, tag, position) SELECT * FROM unnest($1::int[], $2::text[], $3::int[])',
        [tags.map((entry) => entry.id), tags.map((entry) => entry.name), tags.map((entry) => entry.position)],
      );
      await client.query(
        'INSERT INTO outbox_events (type, owner_id, video_id, version, payload, created_at, attempts, next_attempt_at) ' +
          "SELECT 'upsert', $1, id, 1, payload, $2, 0, $2 FROM unnest($3::int[], $4::text[]) AS row(id, payload)",
        [ownerId, stamp, ids, batch.map((row) => payload(row, stamp))],
      );
      await client.query('COMMIT');
    }
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}
