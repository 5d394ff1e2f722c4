import Database from 'better-sqlite3';
import { BenchDocument } from '../corpus';
import { BenchAdapter, TOP_K } from './bench-adapter';
import { packageVersion } from './package-version';

/**
 * SQLite FTS5 (in memory, porter + unicode61 tokenizer) ranked by bm25() with title weighted 3, tags 1.5,
 * description 1; query words are OR-ed and the last one is a prefix (as a search box would send it).
 */
export class Fts5Adapter implements BenchAdapter {
  readonly name = 'sqlite-fts5';
  readonly version: string;
  private readonly db = new Database(':memory:');
  private readonly statement: Database.Statement<[string, number], { rowid: number }>;

  constructor() {
    this.db.exec("CREATE VIRTUAL TABLE videos USING fts5(title, description, tags, tokenize = 'porter unicode61')");
    this.statement = this.db.prepare(
      'SELECT rowid FROM videos WHERE videos MATCH ? ORDER BY bm25(videos, 3.0, 1.0, 1.5) LIMIT ?',
    );
    const { version } = this.db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
    this.version = `better-sqlite3@${packageVersion('better-sqlite3')} (SQLite ${version})`;
  }

  build(documents: BenchDocument[]): void {
    const insert = this.db.prepare('INSERT INTO videos (rowid, title, description, tags) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const { id, title, description, tags } of documents) {
        insert.run(id, title, description, tags.join(' '));
      }
    })();
  }

  search(text: string): number[] {
    const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    if (words.length === 0) {
      return [];
    }
    const terms = words.map((word, i) => (i === words.length - 1 ? `"${word}"*` : `"${word}"`));
    return this.statement.all(terms.join(' OR '), TOP_K).map((row) => row.rowid);
  }
}
