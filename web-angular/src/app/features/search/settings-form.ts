import { SearchSettingsInput } from '../../core/api/search.types';

export interface SynonymRow {
  word: string;
  /** Comma-separated equivalents, as typed. */
  equivalents: string;
}

/** Words of a comma-separated list: trimmed, blanks dropped, the first spelling of each kept once. */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const part of text.split(',')) {
    const word = part.trim().replace(/\s+/g, ' ');
    if (word && !seen.has(word.toLowerCase())) {
      seen.add(word.toLowerCase());
      words.push(word);
    }
  }
  return words;
}

export function synonymRows(synonyms: Record<string, string[]>): SynonymRow[] {
  return Object.entries(synonyms).map(([word, equivalents]) => ({ word, equivalents: equivalents.join(', ') }));
}

export interface SynonymsResult {
  synonyms: Record<string, string[]>;
  /** Row index to what is wrong with it. */
  errors: Map<number, string>;
}

/** The synonyms map of the rows; fully blank rows are skipped, half-filled and repeated words are errors. */
export function rowsToSynonyms(rows: readonly SynonymRow[]): SynonymsResult {
  const synonyms: Record<string, string[]> = {};
  const errors = new Map<number, string>();
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const word = row.word.trim().toLowerCase();
    const equivalents = parseWordList(row.equivalents).filter((equivalent) => equivalent.toLowerCase() !== word);
    if (!word && equivalents.length === 0) {
      return;
    }
    if (!word) {
      errors.set(index, 'Type the word these equivalents are for');
    } else if (equivalents.length === 0) {
      errors.set(index, `Give at least one equivalent of “${word}”`);
    } else if (seen.has(word)) {
      errors.set(index, `“${word}” is already listed in row ${(seen.get(word) ?? 0) + 1}`);
    } else {
      seen.set(word, index);
      synonyms[word] = equivalents;
    }
  });
  return { synonyms, errors };
}

export interface SettingsFormValue {
  rows: SynonymRow[];
  stopWords: string[];
  typoEnabled: boolean;
  oneTypo: number;
  twoTypos: number;
  titleWeight: number;
  descriptionWeight: number;
  tagsWeight: number;
}

/** Problems the API would refuse anyway, shown before saving; the API still has the last word (its 400). */
export function settingsProblems(value: SettingsFormValue): string[] {
  const problems: string[] = [];
  const sizes = [value.oneTypo, value.twoTypos];
  if (sizes.some((size) => !Number.isInteger(size) || size < 1 || size > 32)) {
    problems.push('Typo word sizes must be whole numbers from 1 to 32.');
  } else if (value.twoTypos < value.oneTypo) {
    problems.push('The word size for two typos must be at least the size for one typo.');
  }
  const weights = [value.titleWeight, value.descriptionWeight, value.tagsWeight];
  if (weights.some((weight) => !Number.isFinite(weight) || weight < 0 || weight > 10)) {
    problems.push('Field weights must be numbers from 0 to 10.');
  } else if (weights.every((weight) => weight === 0)) {
    problems.push('At least one field weight must be above 0.');
  }
  return problems;
}

export function toSettingsInput(value: SettingsFormValue, synonyms: Record<string, string[]>): SearchSettingsInput {
  return {
    synonyms,
    stop_words: value.stopWords,
    typo_tolerance: {
      enabled: value.typoEnabled,
      min_word_size_one_typo: value.oneTypo,
      min_word_size_two_typos: value.twoTypos,
    },
    field_weights: { title: value.titleWeight, description: value.descriptionWeight, tags: value.tagsWeight },
  };
}
