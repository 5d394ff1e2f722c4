import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const MATCH_KINDS = ['exact', 'stemmed', 'synonym', 'prefix', 'typo', 'phonetic', 'none'] as const;

export class FieldMatchDto {
  @ApiProperty({ enum: ['title', 'description', 'tags'], example: 'title' })
  field: string;

  @ApiProperty({ description: 'How often the matched word occurs in the field', example: 1 })
  frequency: number;

  @ApiProperty({ description: "The owner's weight of the field", example: 3 })
  weight: number;

  @ApiProperty({ description: 'BM25 length normalisation: above 1 for a field longer than average', example: 0.92 })
  length_norm: number;
}

export class WordCaptionCueDto {
  @ApiProperty({ description: 'Milliseconds from the start of the video', example: 252000 }) start_ms: number;
  @ApiProperty({ example: 256000 }) end_ms: number;
  @ApiProperty({ description: "The cue's plain text", example: 'the outsole grips on wet rock' }) text: string;
  @ApiProperty({ description: "The cue's word the query word matched", example: 'rock' }) matched: string;
}

export class WordExplanationDto {
  @ApiProperty({ description: 'The query word', example: 'pasta' })
  word: string;

  @ApiProperty({ enum: MATCH_KINDS, description: '"none" when no field of the video matched the word' })
  kind: string;

  @ApiProperty({ description: 'The video\'s word it matched; empty for "none"', example: 'pasta' })
  matched: string;

  @ApiProperty({ description: 'Edits between word and matched for a typo, else 0', example: 0 })
  typo_distance: number;

  @ApiProperty({ description: "1 for the word's own stem, lower for a synonym, completion, typo or sound-alike" })
  expansion_weight: number;

  @ApiProperty({ description: 'How rare the word is in your library', example: 2.3 })
  idf: number;

  @ApiProperty({ type: [FieldMatchDto] })
  fields: FieldMatchDto[];

  @ApiProperty({ description: 'Sum over fields of weight * frequency / length_norm' })
  term_frequency: number;

  @ApiProperty({ description: 'BM25F: expansion_weight * idf * term_frequency / (1.2 + term_frequency)' })
  raw_score: number;

  @ApiProperty({ description: "The word's share of relevance_score" })
  part: number;

  @ApiProperty({
    type: WordCaptionCueDto,
    nullable: true,
    description: "Where the word was said in the video's captions (the best moment holding it)",
  })
  caption_cue: WordCaptionCueDto | null;
}

export class ProximityExplanationDto {
  @ApiProperty({ description: '0..1: consecutive query words found close together in query order' })
  pair_score: number;

  @ApiProperty({ description: '0..1: share of query words found exactly as typed' })
  as_typed_share: number;

  @ApiProperty({ description: 'Share of the first-pass score kept before the proximity evidence earns the rest' })
  kept: number;
}

export class ScorePartsDto {
  @ApiProperty({ description: "The words' parts summed" })
  words: number;

  @ApiProperty({ description: 'Consecutive query words found close together, in query order' })
  proximity: number;

  @ApiProperty({ description: 'Query words found exactly as typed' })
  exact_match_bonus: number;

  @ApiProperty({ description: 'What the best caption window adds' })
  captions: number;

  @ApiProperty({ description: "Negative when a result below the reranked head was capped to the head's lowest score" })
  rank_cap: number;
}

export class ExplanationDto {
  @ApiProperty({ type: [WordExplanationDto], description: 'One per query word, in query order (stop words dropped)' })
  words: WordExplanationDto[];

  @ApiProperty({ description: "The query's attainable raw score; every raw score is divided by it" })
  normalization: number;

  @ApiProperty({ description: "Share of the query words the video's fields matched", example: 1 })
  coverage: number;

  @ApiProperty({ description: 'coverage squared: videos missing words are pushed down', example: 1 })
  coverage_factor: number;

  @ApiProperty({ description: 'The first-pass score: raw scores / normalization * coverage_factor' })
  fields_score: number;

  @ApiPropertyOptional({
    type: ProximityExplanationDto,
    description: 'Absent for a result outside the reranked head (the 30 best by first-pass score)',
  })
  proximity?: ProximityExplanationDto;

  @ApiProperty({ description: "0..1: the best caption window's score; 0 when the captions did not match" })
  caption_score: number;

  @ApiProperty({ description: 'The best matching caption cue, matched words marked; empty when none matched' })
  caption_cue: string;

  @ApiProperty({
    type: ScorePartsDto,
    description: 'words + proximity + exact_match_bonus + captions + rank_cap = relevance_score (within rounding)',
  })
  parts: ScorePartsDto;

  @ApiProperty({ description: "Equal to the result's relevance_score" })
  score: number;
}
