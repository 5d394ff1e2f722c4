import { Analyzer } from '../analysis/analyzer';
import { AutoAlgorithm } from './auto/auto.algorithm';
import { FuzzyAlgorithm } from './fuzzy/fuzzy.algorithm';
import { PhoneticAlgorithm } from './phonetic/phonetic.algorithm';
import { PrefixAlgorithm } from './prefix/prefix.algorithm';
import { SearchAlgorithm } from './search-algorithm';
import { TextAlgorithm } from './text/text.algorithm';

/** Every algorithm the engine offers; the first is the default. */
export const ALGORITHMS: ReadonlyArray<new (analyzer: Analyzer) => SearchAlgorithm> = [
  AutoAlgorithm,
  TextAlgorithm,
  FuzzyAlgorithm,
  PrefixAlgorithm,
  PhoneticAlgorithm,
];
