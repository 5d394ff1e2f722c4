import { create, insertMultiple, Orama, search } from '@orama/orama';
import { BenchDocument } from '../corpus';
import { BenchAdapter, TOP_K } from './bench-adapter';
import { packageVersion } from './package-version';

const SCHEMA = { id: 'string', title: 'string', description: 'string', tags: 'string' } as const;

/** Orama full-text search with tolerance 1 (one edit per word), title boosted. */
export class OramaAdapter implements BenchAdapter {
  readonly name = 'orama';
  readonly version = `@orama/orama@${packageVersion('@orama/orama')}`;
  private readonly db: Orama<typeof SCHEMA> = create({ schema: SCHEMA });

  async build(documents: BenchDocument[]): Promise<void> {
    await insertMultiple(
      this.db,
      documents.map(({ id, title, description, tags }) => ({
        id: String(id),
        title,
        description,
        tags: tags.join(' '),
      })),
      1000,
    );
  }

  async search(text: string): Promise<number[]> {
    const results = await search(this.db, { term: text, tolerance: 1, limit: TOP_K, boost: { title: 2 } });
    return results.hits.map((hit) => Number(hit.id));
  }
}
