import MiniSearch from 'minisearch';
import { BenchDocument } from '../corpus';
import { BenchAdapter, TOP_K } from './bench-adapter';
import { packageVersion } from './package-version';

interface Indexed {
  id: number;
  title: string;
  description: string;
  tags: string;
}

/** MiniSearch with fuzzy 0.2 and prefix search, title boosted. */
export class MiniSearchAdapter implements BenchAdapter {
  readonly name = 'minisearch';
  readonly version = `minisearch@${packageVersion('minisearch')}`;
  private readonly index = new MiniSearch<Indexed>({
    fields: ['title', 'description', 'tags'],
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } },
  });

  build(documents: BenchDocument[]): void {
    this.index.addAll(
      documents.map(({ id, title, description, tags }) => ({ id, title, description, tags: tags.join(' ') })),
    );
  }

  search(text: string): number[] {
    return this.index
      .search(text)
      .slice(0, TOP_K)
      .map((result) => result.id as number);
  }
}
