import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trim } from '../../common/validation/transforms';
import { MAX_QUERY_LENGTH } from '../../search/dto/search-request.dto';
import { SearchSettingsDto } from '../../search/dto/search-settings.dto';

export class NoResultQueryParamDto {
  @ApiProperty({ description: `The query as searched, URL-encoded; trimmed, 1..${MAX_QUERY_LENGTH} characters` })
  @Transform(trim)
  @IsString({ message: 'query must be text' })
  @IsNotEmpty({ message: 'query must not be empty' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `query must be at most ${MAX_QUERY_LENGTH} characters` })
  query: string;
}

export class NearestWordDto {
  @ApiProperty({ example: 'guitar' }) word: string;
  @ApiProperty({ description: 'Edits from the query word: 1 or 2', example: 1 }) distance: number;
  @ApiProperty({ description: 'Videos holding it' }) documents: number;
}

export class WordDiagnosisDto {
  @ApiProperty({ description: 'Folded (lower case, accents removed), as the engine compares it' }) word: string;
  @ApiProperty({
    enum: ['built_in', 'owner', null],
    nullable: true,
    type: String,
    description: 'built_in stop words are never searched; owner stop words (your settings) are dropped from queries',
  })
  stop_word: 'built_in' | 'owner' | null;
  @ApiProperty({ description: 'Your videos holding the word or another form of it (same stem)' }) documents: number;
  @ApiProperty({
    type: NearestWordDto,
    nullable: true,
    description: 'For a word no video holds: the closest word of the library within two edits',
  })
  nearest: NearestWordDto | null;
  @ApiProperty({ description: 'Whether the typo tolerance settings correct the word to `nearest`' })
  typo_reaches_nearest: boolean;
}

export class NoResultCauseDto {
  @ApiProperty({
    enum: [
      'empty_library',
      'all_stop_words',
      'stop_words_ignored',
      'words_absent',
      'typo_beyond_tolerance',
      'filters_exclude_all',
    ],
  })
  code: string;
  @ApiProperty({ example: 'No video holds "automobile"' }) message: string;
  @ApiProperty({ type: [String], description: 'The query words the cause concerns' }) words: string[];
}

/** The body of PUT /users/:id/search/settings. */
export class ProposedSettingsDto extends OmitType(SearchSettingsDto, ['updated_at'] as const) {}

export class ProposedFixDto {
  @ApiProperty({ description: 'Stable within a diagnosis', example: 'synonym:automobile=car' }) id: string;
  @ApiProperty({ enum: ['synonym', 'stop_word', 'typo_tolerance'] }) kind: string;
  @ApiProperty({ example: 'Make "automobile" also find "car": searched next after this query 3 time(s) ("car")' })
  description: string;
  @ApiProperty({
    type: ProposedSettingsDto,
    description: 'Your whole search settings with the fix applied: PUT them to /users/{id}/search/settings to apply it',
  })
  settings: ProposedSettingsDto;
  @ApiProperty({ description: 'Whether the query finds something with the fix' }) answers_query: boolean;
  @ApiProperty({
    description:
      "Of the window's no-result searches replayed with the fix, those it answers that find nothing today without it",
  })
  answered_searches: number;
}

export class DiagnosisWindowDto {
  @ApiProperty({ example: 30 }) days: number;
  @ApiProperty({ description: 'Your searches that found nothing in the window' }) no_result_searches: number;
  @ApiProperty({ description: 'Those the fixes were replayed on: the most frequent distinct questions' })
  replayed_searches: number;
  @ApiProperty({ description: 'Replayed searches that find something today without any change' })
  answered_now: number;
}

export class NoResultDiagnosisDto {
  @ApiProperty() query: string;
  @ApiProperty({
    description:
      "Matches today with your settings and the filters of the query's latest no-result search: 0 while it still finds nothing",
  })
  matches_now: number;
  @ApiProperty({ description: 'The same without any filter' }) matches_without_filters: number;
  @ApiProperty({ description: 'Searches of this query that found nothing in the window' }) no_result_searches: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 8601; null when never searched' })
  last_searched_at: string | null;
  @ApiProperty({ type: [WordDiagnosisDto] }) words: WordDiagnosisDto[];
  @ApiProperty({ type: [NoResultCauseDto], description: 'Empty when the query finds something today' })
  causes: NoResultCauseDto[];
  @ApiProperty({
    type: [ProposedFixDto],
    description: 'Best first: those answering the query, then by searches answered',
  })
  fixes: ProposedFixDto[];
  @ApiProperty({ type: DiagnosisWindowDto }) window: DiagnosisWindowDto;
}
