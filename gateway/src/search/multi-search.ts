import { validationExceptionFactory } from '@gateway/common/validation/validation-exception.factory';
import { BadRequestException, HttpException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SubmitSearchDto } from './dto/search-request.dto';

/** The global ValidationPipe's options, so an entry is judged exactly as a POST search body. */
const ENTRY_VALIDATION = { whitelist: true, forbidNonWhitelisted: true } as const;

/**
 * Each multi-search entry validated as a POST search body; the first refusal names its entry
 * (`queries[2].limit must be ...`), with every problem of that entry in `details`.
 */
export function parseMultiSearchEntries(queries: unknown[]): SubmitSearchDto[] {
  return queries.map((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new BadRequestException(`queries[${index}] must be a search object`);
    }
    const dto = plainToInstance(SubmitSearchDto, entry);
    const errors = validateSync(dto, ENTRY_VALIDATION);
    if (errors.length > 0) {
      const { details } = validationExceptionFactory(errors).getResponse() as { details: string[] };
      const named = details.map((message) => `queries[${index}].${message}`);
      throw new BadRequestException({ error: named[0], details: named });
    }
    return dto;
  });
}

/** Runs one entry's work; a 400 from a later check (the algorithm list, the search service) names the entry. */
export async function namingEntry<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof BadRequestException
      ? new BadRequestException(`queries[${index}]: ${messageOf(error)}`)
      : error;
  }
}

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') {
    return response;
  }
  const { error: text, message } = response as { error?: unknown; message?: unknown };
  return typeof message === 'string' ? message : typeof text === 'string' ? text : error.message;
}
