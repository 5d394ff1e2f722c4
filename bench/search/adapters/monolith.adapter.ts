import { BenchDocument } from '../corpus';
import { BenchAdapter, TOP_K } from './bench-adapter';

/**
 * The monolith's scoring, the baseline: every document is scanned; the whole query as a substring of the
 * title scores 0.7 and of the description 0.3, otherwise each field scores its weight times the fraction
 * of query words it contains.
 */
export class MonolithAdapter implements BenchAdapter {
  readonly name = 'monolith';
  readonly version = 'monolith scoring (port)';
  private documents: Array<{ id: number; title: string; description: string }> = [];

  build(documents: BenchDocument[]): void {
    this.documents = documents.map(({ id, title, description }) => ({
      id,
      title: title.toLowerCase(),
      description: description.toLowerCase(),
    }));
  }

  search(text: string): number[] {
    const query = text.toLowerCase().trim();
    const words = query.split(/\s+/).filter((word) => word.length > 0);
    const scored: Array<{ id: number; score: number }> = [];
    for (const document of this.documents) {
      const score = fieldScore(document.title, query, words, 0.7) + fieldScore(document.description, query, words, 0.3);
      if (score > 0) {
        scored.push({ id: document.id, score });
      }
    }
    return scored
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, TOP_K)
      .map((entry) => entry.id);
  }
}

function fieldScore(field: string, query: string, words: string[], weight: number): number {
  if (field.includes(query)) {
    return weight;
  }
  const found = words.filter((word) => field.includes(word)).length;
  return words.length === 0 ? 0 : (weight * found) / words.length;
}
