import { Charset, Document } from 'flexsearch';
import { BenchDocument } from '../corpus';
import { BenchAdapter, TOP_K } from './bench-adapter';
import { packageVersion } from './package-version';

type Indexed = {
  id: number;
  title: string;
  description: string;
  tags: string;
};

/**
 * FlexSearch's document index with its strongest general settings: forward (prefix) tokenisation, the
 * LatinAdvanced encoder (phonetic-leaning normalisation that absorbs some typos), full resolution, and
 * `suggest` so partial matches still return. Results are merged across fields, title first.
 */
export class FlexSearchAdapter implements BenchAdapter {
  readonly name = 'flexsearch';
  readonly version = `flexsearch@${packageVersion('flexsearch')}`;
  private readonly index = new Document<Indexed>({
    document: {
      id: 'id',
      index: (['title', 'description', 'tags'] as const).map((field) => ({
        field,
        tokenize: 'forward' as const,
        encoder: Charset.LatinAdvanced,
        resolution: 9,
      })),
    },
  });

  build(documents: BenchDocument[]): void {
    for (const { id, title, description, tags } of documents) {
      this.index.add({ id, title, description, tags: tags.join(' ') });
    }
  }

  search(text: string): number[] {
    const results = this.index.search(text, { limit: TOP_K, suggest: true, merge: true });
    return results.slice(0, TOP_K).map((result) => Number(result.id));
  }
}
