import lunr from 'lunr';
import { BenchDocument } from '../corpus';
import { BenchAdapter, TOP_K } from './bench-adapter';
import { packageVersion } from './package-version';

/** Lunr with every query word fuzzy to one edit (`word~1`), title boosted. */
export class LunrAdapter implements BenchAdapter {
  readonly name = 'lunr';
  readonly version = `lunr@${packageVersion('lunr')}`;
  private index: lunr.Index | null = null;

  build(documents: BenchDocument[]): void {
    this.index = lunr(function () {
      this.ref('id');
      this.field('title', { boost: 2 });
      this.field('description');
      this.field('tags');
      for (const { id, title, description, tags } of documents) {
        this.add({ id: String(id), title, description, tags: tags.join(' ') });
      }
    });
  }

  search(text: string): number[] {
    const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    if (!this.index || words.length === 0) {
      return [];
    }
    return this.index
      .search(words.map((word) => `${word}~1`).join(' '))
      .slice(0, TOP_K)
      .map((result) => Number(result.ref));
  }
}
