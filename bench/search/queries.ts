import { words as stopWordList } from 'natural/lib/natural/util/stopwords';
import { BenchDocument } from './corpus';
import { pick, seededRandom } from './random';

export const QUERY_CLASSES = ['exact', 'typo', 'prefix'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery {
  text: string;
  /** The id of the one relevant document. */
  target: number;
}

export type QuerySet = Record<QueryClass, BenchQuery[]>;

const STOP_WORDS = new Set(stopWordList);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const MIN_PREFIX = 3;

/**
 * Known-item queries: a random target and 2-4 of its words (from title and description, weighted towards
 * rare ones by idf, kept in text order). The typo class misspells every word of 5+ letters by one edit
 * (insertion, deletion, substitution or transposition); the prefix class cuts the last word to 3..len-1
 * letters. All three classes share targets and words, so they differ only in the distortion.
 */
export function generateQueries(corpus: readonly BenchDocument[], seed: number, perClass: number): QuerySet {
  const random = seededRandom(seed);
  const documentFrequency = countDocumentFrequencies(corpus);
  const set: QuerySet = { exact: [], typo: [], prefix: [] };
  let attempts = 0;
  while (set.exact.length < perClass && attempts++ < perClass * 50) {
    const target = pick(random, corpus);
    const candidates = [...new Set(words(`${target.title} ${target.description}`))];
    if (candidates.length < 2) {
      continue;
    }
    const count = Math.min(candidates.length, 2 + Math.floor(random() * 3));
    const chosen = weightedSample(random, candidates, count, (word) =>
      Math.log(corpus.length / (documentFrequency.get(word) ?? 1)),
    );
    const last = chosen[chosen.length - 1];
    if (!chosen.some((word) => word.length >= 5) || last.length <= MIN_PREFIX) {
      continue;
    }
    const prefixLength = MIN_PREFIX + Math.floor(random() * (last.length - MIN_PREFIX));
    set.exact.push({ text: chosen.join(' '), target: target.id });
    set.typo.push({
      text: chosen.map((word) => (word.length >= 5 ? misspell(random, word) : word)).join(' '),
      target: target.id,
    });
    set.prefix.push({ text: [...chosen.slice(0, -1), last.slice(0, prefixLength)].join(' '), target: target.id });
  }
  return set;
}

/** Lower-case words of 3+ letters that are not stop words, in text order. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}

/** One random edit that changes the word. */
export function misspell(random: () => number, word: string): string {
  for (;;) {
    const at = Math.floor(random() * word.length);
    const letter = pick(random, LETTERS.split(''));
    let typo: string;
    switch (Math.floor(random() * 4)) {
      case 0:
        typo = word.slice(0, at) + letter + word.slice(at);
        break;
      case 1:
        typo = word.slice(0, at) + word.slice(at + 1);
        break;
      case 2:
        typo = word.slice(0, at) + letter + word.slice(at + 1);
        break;
      default: {
        const i = Math.min(at, word.length - 2);
        typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      }
    }
    if (typo !== word) {
      return typo;
    }
  }
}

function countDocumentFrequencies(corpus: readonly BenchDocument[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const document of corpus) {
    for (const word of new Set(words(`${document.title} ${document.description}`))) {
      frequencies.set(word, (frequencies.get(word) ?? 0) + 1);
    }
  }
  return frequencies;
}

/** `count` distinct items drawn with probability proportional to `weight`, returned in their original order. */
function weightedSample(
  random: () => number,
  items: string[],
  count: number,
  weight: (item: string) => number,
): string[] {
  const remaining = items.map((item, position) => ({ item, position, weight: Math.max(weight(item), 0.01) }));
  const chosen: typeof remaining = [];
  while (chosen.length < count) {
    const total = remaining.reduce((sum, entry) => sum + entry.weight, 0);
    let roll = random() * total;
    let index = 0;
    while (index < remaining.length - 1 && roll >= remaining[index].weight) {
      roll -= remaining[index].weight;
      index++;
    }
    chosen.push(...remaining.splice(index, 1));
  }
  return chosen.sort((a, b) => a.position - b.position).map((entry) => entry.item);
}
