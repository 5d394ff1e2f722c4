import type { EngineQueryInspection, EngineSettings, EngineWordInspection } from '@search/engine/search-engine';

export type FixKind = 'synonym' | 'stop_word' | 'typo_tolerance';

/** A settings change that may answer a no-result query; how many searches it answers is measured by replay. */
export interface FixProposal {
  kind: FixKind;
  id: string;
  description: string;
  /** The owner's whole settings with the change applied. */
  settings: EngineSettings;
}

export type CauseCode =
  | 'empty_library'
  | 'all_stop_words'
  | 'stop_words_ignored'
  | 'words_absent'
  | 'typo_beyond_tolerance'
  | 'filters_exclude_all';

export interface NoResultCauseFinding {
  code: CauseCode;
  message: string;
  words: string[];
}

/** What the owner searched next, soon after the query found nothing: the words of it the library holds. */
export interface Reformulation {
  query: string;
  words: string[];
  /** How many of the query's no-result searches it followed. */
  times: number;
}

/** Synonyms a fix may add to one word, as many as the settings accept. */
const MAX_SYNONYM_WORDS = 50;

const quoted = (words: readonly string[]): string => words.map((word) => `"${word}"`).join(', ');
const videos = (count: number): string => `${count} video${count === 1 ? '' : 's'}`;

/** Query words no video holds, with or without a close library word. */
function absentWords(inspection: EngineQueryInspection): EngineWordInspection[] {
  return inspection.words.filter((word) => word.stopWord === null && word.documents === 0);
}

/**
 * Why the query finds nothing, from what the index knows of its words and whether the filters are the cause
 * (`matchesWithoutFilters` above 0 while the query with its filters finds nothing).
 */
export function findCauses(inspection: EngineQueryInspection, matchesWithoutFilters: number): NoResultCauseFinding[] {
  if (inspection.documents === 0) {
    return [{ code: 'empty_library', message: 'The library holds no indexed video yet', words: [] }];
  }
  const causes: NoResultCauseFinding[] = [];
  if (matchesWithoutFilters > 0) {
    causes.push({
      code: 'filters_exclude_all',
      message: `Without its filters the query finds ${videos(matchesWithoutFilters)}: the filters exclude every match`,
      words: [],
    });
  }
  const stopWords = inspection.words.filter((word) => word.stopWord !== null);
  if (inspection.words.length > 0 && stopWords.length === inspection.words.length) {
    causes.push({
      code: 'all_stop_words',
      message: 'Every word of the query is a stop word, and stop words are not searched',
      words: stopWords.map(({ word }) => word),
    });
  }
  const ignored = stopWords.filter((word) => word.stopWord === 'owner' && word.documents > 0);
  if (ignored.length > 0 && stopWords.length < inspection.words.length) {
    causes.push({
      code: 'stop_words_ignored',
      message: `${quoted(ignored.map(({ word }) => word))}: in the library, but ignored as your stop words`,
      words: ignored.map(({ word }) => word),
    });
  }
  const absent = absentWords(inspection);
  const unreachable = absent.filter((word) => word.nearest !== null && !word.typoReachesNearest);
  if (unreachable.length > 0) {
    causes.push({
      code: 'typo_beyond_tolerance',
      message: unreachable
        .map(({ word, nearest }) => `"${word}" is ${nearest?.distance} edit(s) from "${nearest?.word}"`)
        .join('; ')
        .concat(', beyond the typo tolerance settings'),
      words: unreachable.map(({ word }) => word),
    });
  }
  const missing = absent.filter((word) => !unreachable.includes(word));
  if (missing.length > 0) {
    causes.push({
      code: 'words_absent',
      message: `No video holds ${quoted(missing.map(({ word }) => word))}`,
      words: missing.map(({ word }) => word),
    });
  }
  return causes;
}

function withSynonyms(settings: EngineSettings, word: string, found: readonly string[]): EngineSettings {
  const words = [...new Set([...(settings.synonyms[word] ?? []), ...found])].slice(0, MAX_SYNONYM_WORDS);
  return { ...settings, synonyms: { ...settings.synonyms, [word]: words } };
}

/** One typo setting loose enough for every absent word whose closest library word it does not reach. */
function typoFix(absent: readonly EngineWordInspection[], settings: EngineSettings): FixProposal | null {
  const unreachable = absent.filter((word) => word.nearest !== null && !word.typoReachesNearest);
  if (unreachable.length === 0) {
    return null;
  }
  let { minWordSizeOneTypo: one, minWordSizeTwoTypos: two } = settings.typoTolerance;
  for (const { word, nearest } of unreachable) {
    if (nearest?.distance === 1) {
      one = Math.min(one, word.length);
    } else {
      two = Math.min(two, word.length);
    }
  }
  one = Math.min(one, two);
  const current = settings.typoTolerance;
  const changes = [
    ...(current.enabled ? [] : ['turn typo tolerance on']),
    ...(one !== current.minWordSizeOneTypo
      ? [`correct one typo from ${one} letters (now ${current.minWordSizeOneTypo})`]
      : []),
    ...(two !== current.minWordSizeTwoTypos
      ? [`two typos from ${two} letters (now ${current.minWordSizeTwoTypos})`]
      : []),
  ];
  const description = changes.join(', ');
  return {
    kind: 'typo_tolerance',
    id: `typo_tolerance:${one}-${two}`,
    description: description.charAt(0).toUpperCase() + description.slice(1),
    settings: { ...settings, typoTolerance: { enabled: true, minWordSizeOneTypo: one, minWordSizeTwoTypos: two } },
  };
}

/**
 * Settings changes that may answer the query, narrowest first: a synonym to what the owner's users searched next, a
 * synonym to the closest library word, a looser typo setting, and dropping the owner's stop words the library holds.
 * Identical changes are proposed once.
 */
export function proposeFixes(
  inspection: EngineQueryInspection,
  settings: EngineSettings,
  reformulations: readonly Reformulation[],
): FixProposal[] {
  if (inspection.documents === 0) {
    return [];
  }
  const absent = absentWords(inspection);
  const queryWords = new Set(inspection.words.map(({ word }) => word));
  const fixes: FixProposal[] = [];
  for (const reformulation of reformulations) {
    const found = reformulation.words.filter((word) => !queryWords.has(word));
    if (absent.length === 0 || found.length === 0) {
      continue;
    }
    fixes.push({
      kind: 'synonym',
      id: `synonym:${absent.map(({ word }) => word).join('+')}=${found.join('+')}`,
      description: `Make ${quoted(absent.map(({ word }) => word))} also find ${quoted(found)}: searched next after this query ${reformulation.times} time(s) ("${reformulation.query}")`,
      settings: absent.reduce((changed, { word }) => withSynonyms(changed, word, found), settings),
    });
  }
  for (const { word, nearest } of absent) {
    if (nearest) {
      fixes.push({
        kind: 'synonym',
        id: `synonym:${word}=${nearest.word}`,
        description: `Make "${word}" also find "${nearest.word}" (${videos(nearest.documents)}, ${nearest.distance} edit(s) away)`,
        settings: withSynonyms(settings, word, [nearest.word]),
      });
    }
  }
  const typo = typoFix(absent, settings);
  if (typo) {
    fixes.push(typo);
  }
  const ignored = inspection.words.filter((word) => word.stopWord === 'owner' && word.documents > 0);
  if (ignored.length > 0) {
    const dropped = new Set(ignored.map(({ word }) => word));
    fixes.push({
      kind: 'stop_word',
      id: `stop_word:${[...dropped].join('+')}`,
      description: `Stop ignoring ${quoted([...dropped])} (${ignored.map(({ word, documents }) => `"${word}" is in ${videos(documents)}`).join(', ')})`,
      settings: { ...settings, stopWords: settings.stopWords.filter((word) => !dropped.has(word.toLowerCase())) },
    });
  }
  const unique = new Map<string, FixProposal>();
  for (const fix of fixes) {
    if (!unique.has(fix.id)) {
      unique.set(fix.id, fix);
    }
  }
  return [...unique.values()];
}
