import { ArgumentMetadata, Injectable, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { isPureQuery } from './pure-query';

/** Distinct query strings remembered per DTO class; the ones a dashboard or a client polls repeat a lot. */
const MEMO_MAX = 2_000;

/**
 * The global ValidationPipe, remembering the outcome for a query string it has already accepted. Validating a query
 * DTO with class-transformer and class-validator costs more than the list read it guards (about a tenth of a list
 * request under load), and the same few query strings come back request after request. Only a @PureQuery() DTO is
 * remembered, whose outcome depends on the query's values alone, so the remembered one is exact; and only when it
 * is made of plain values, each request getting its own copy, so a handler can never change another request's DTO.
 * Refusals are not remembered: they are rare, and their errors are worded by the full validation.
 */
@Injectable()
export class MemoizedValidationPipe extends ValidationPipe {
  private readonly accepted = new Map<ArgumentMetadata['metatype'], LRUCache<string, object>>();

  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key = memoKeyOf(value, metadata);
    if (key === null) {
      return super.transform(value, metadata);
    }
    const accepted = this.acceptedFor(metadata.metatype);
    const remembered = accepted.get(key);
    if (remembered) {
      return copyOf(remembered);
    }
    const dto: unknown = await super.transform(value, metadata);
    if (typeof dto === 'object' && dto !== null && Object.values(dto).every(isPrimitive)) {
      accepted.set(key, copyOf(dto));
    }
    return dto;
  }

  private acceptedFor(metatype: ArgumentMetadata['metatype']): LRUCache<string, object> {
    let accepted = this.accepted.get(metatype);
    if (!accepted) {
      accepted = new LRUCache({ max: MEMO_MAX });
      this.accepted.set(metatype, accepted);
    }
    return accepted;
  }
}

/** A whole query bound to a @PureQuery() DTO, made only of strings (as Fastify parses a query string). */
function memoKeyOf(value: unknown, metadata: ArgumentMetadata): string | null {
  const { type, metatype, data } = metadata;
  if (type !== 'query' || data !== undefined || !metatype || !isPureQuery(metatype)) {
    return null;
  }
  if (typeof value !== 'object' || value === null || !Object.values(value).every((v) => typeof v === 'string')) {
    return null;
  }
  return JSON.stringify(value);
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function copyOf<T extends object>(dto: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(dto) as object) as T, dto);
}
