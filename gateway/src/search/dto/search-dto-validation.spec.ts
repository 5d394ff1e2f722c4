import { validationExceptionFactory } from '@gateway/common/validation/validation-exception.factory';
import { BadRequestException, Type, ValidationPipe } from '@nestjs/common';
import { InstantSearchQueryDto, RecordClickDto, SuggestQueryDto } from './search-options.dto';
import { SubmitSearchDto } from './search-request.dto';
import { SearchSettingsInputDto } from './search-settings.dto';

/** The gateway's global pipe (bootstrap.ts), so these read the 400s a client gets. */
const pipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationExceptionFactory,
});

function parse<T>(metatype: Type<T>, value: object, type: 'body' | 'query' = 'body'): Promise<T> {
  return pipe.transform(value, { type, metatype }) as Promise<T>;
}

async function refusal(metatype: Type<unknown>, value: object, type: 'body' | 'query' = 'body'): Promise<string> {
  const error: unknown = await parse(metatype, value, type).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof BadRequestException)) {
    throw new Error(`expected a 400 for ${JSON.stringify(value)}`);
  }
  return (error.getResponse() as { error: string }).error;
}

describe('search DTO validation', () => {
  describe('instant search query parameters', () => {
    it('reads comma-separated lists and numbers', async () => {
      const query = await parse(
        InstantSearchQueryDto,
        {
          q: ' carb ',
          limit: '5',
          offset: '10',
          facets: 'tags,duration',
          sort: 'duration:asc, title:desc',
          video_ids: '1,2',
          tags: 'pasta,,pizza',
          tags_all: ['italian', 'quick'],
          min_duration: '60',
          crop_length: '12',
        },
        'query',
      );
      expect({ ...query }).toEqual({
        q: 'carb',
        limit: 5,
        offset: 10,
        facets: ['tags', 'duration'],
        sort: ['duration:asc', 'title:desc'],
        video_ids: [1, 2],
        tags: ['pasta', 'pizza'],
        tags_all: ['italian', 'quick'],
        min_duration: 60,
        crop_length: 12,
      });
    });

    it.each([
      [{}, 'q is required'],
      [{ q: '  ' }, 'q is required'],
      [{ q: 'a', limit: '101' }, 'limit must be an integer from 1 to 100'],
      [{ q: 'a', limit: 'many' }, 'limit must be an integer from 1 to 100'],
      [{ q: 'a', offset: '-1' }, 'offset must be an integer from 0 to 10000'],
      [{ q: 'a', facets: 'tags,colour' }, 'facets must be a list of: tags, duration'],
      [{ q: 'a', sort: 'duration' }, expect.stringMatching(/^sort must be a list of at most 4 "field:direction"/)],
      [{ q: 'a', sort: 'views:desc' }, expect.stringMatching(/^sort must be/)],
      [{ q: 'a', video_ids: '1,x' }, 'video_ids must be an array of positive integers'],
      [{ q: 'a', created_after: 'yesterday' }, 'created_after must be an ISO 8601 date (YYYY-MM-DD) or date-time'],
      [{ q: 'a', highlight_pre_tag: 'x'.repeat(51) }, 'highlight_pre_tag must be 1 to 50 characters'],
      [{ q: 'a', crop_length: '0' }, 'crop_length must be an integer number of words from 1 to 200'],
      [{ q: 'a', page: '2' }, 'property page should not exist'],
    ])('refuses %j', async (query, message) => {
      expect(await refusal(InstantSearchQueryDto, query, 'query')).toEqual(message);
    });
  });

  describe('POST search body', () => {
    it.each([
      [{ query: 'a', limit: 0 }, 'limit must be an integer from 1 to 100'],
      [{ query: 'a', offset: 1.5 }, 'offset must be an integer from 0 to 10000'],
      [{ query: 'a', facets: 'tags' }, 'facets must be a list of: tags, duration'],
      [{ query: 'a', sort: ['title:up'] }, expect.stringMatching(/^sort must be/)],
      [{ query: 'a', filters: { tags_all: 'x' } }, 'filters.tags_all must be an array'],
      [{ query: 'a', filters: { tags_not: [''] } }, expect.stringMatching(/^filters\.tags_not must be at most 20/)],
      [
        { query: 'a', filters: { created_before: '30/06/2026' } },
        'filters.created_before must be an ISO 8601 date (YYYY-MM-DD) or date-time',
      ],
      [{ query: 'a', highlight_post_tag: '' }, 'highlight_post_tag must be 1 to 50 characters'],
    ])('refuses %j', async (body, message) => {
      expect(await refusal(SubmitSearchDto, body)).toEqual(message);
    });

    it('accepts every new option at its bounds', async () => {
      await expect(
        parse(SubmitSearchDto, {
          query: 'a',
          limit: 100,
          offset: 10_000,
          facets: ['duration'],
          sort: ['relevance:desc', 'created_at:asc'],
          filters: {
            tags_all: ['x'],
            tags_not: ['y'],
            created_after: '2026-01-01',
            created_before: '2026-01-31T12:00:00Z',
          },
          highlight_pre_tag: '<b>',
          highlight_post_tag: '</b>',
          crop_length: 200,
        }),
      ).resolves.toBeInstanceOf(SubmitSearchDto);
    });
  });

  describe('suggestions and clicks', () => {
    it('needs a prefix and a bounded limit for suggestions', async () => {
      expect(await refusal(SuggestQueryDto, {}, 'query')).toBe('q is required');
      expect(await refusal(SuggestQueryDto, { q: 'a', limit: '21' }, 'query')).toBe(
        'limit must be an integer from 1 to 20',
      );
    });

    it('needs a video and a 1-based position for a click', async () => {
      expect(await refusal(RecordClickDto, { video_id: 3, position: 0 })).toBe(
        'position must be an integer of at least 1',
      );
      expect(await refusal(RecordClickDto, { position: 1 })).toBe('video_id must be a positive integer');
    });
  });

  describe('search settings', () => {
    it('accepts {} (the defaults) and a full set of settings', async () => {
      await expect(parse(SearchSettingsInputDto, {})).resolves.toBeInstanceOf(SearchSettingsInputDto);
      await expect(
        parse(SearchSettingsInputDto, {
          synonyms: { car: ['auto', 'automobile'], auto: ['car'] },
          stop_words: ['clip'],
          typo_tolerance: { enabled: false, min_word_size_one_typo: 4, min_word_size_two_typos: 8 },
          field_weights: { title: 3, description: 1, tags: 0 },
        }),
      ).resolves.toBeInstanceOf(SearchSettingsInputDto);
    });

    it.each([
      [{ synonyms: { car: 'auto' } }, expect.stringMatching(/^synonyms must map each word to an array/)],
      [{ synonyms: { car: [''] } }, expect.stringMatching(/^synonyms must map/)],
      [{ synonyms: { car: [] } }, expect.stringMatching(/^synonyms must map/)],
      [{ synonyms: ['car'] }, expect.stringMatching(/^synonyms must map/)],
      [{ stop_words: 'the' }, 'stop_words must be an array of words'],
      [
        { typo_tolerance: { min_word_size_one_typo: 0 } },
        'typo_tolerance.min_word_size_one_typo must be an integer from 1 to 32',
      ],
      [{ typo_tolerance: { enabled: 'yes' } }, 'typo_tolerance.enabled must be a boolean'],
      [{ field_weights: { title: 1, description: 1 } }, 'field_weights.tags must be a number from 0 to 10'],
      [{ field_weights: { title: 11, description: 1, tags: 1 } }, 'field_weights.title must be a number from 0 to 10'],
    ])('refuses %j', async (body, message) => {
      expect(await refusal(SearchSettingsInputDto, body)).toEqual(message);
    });
  });
});
