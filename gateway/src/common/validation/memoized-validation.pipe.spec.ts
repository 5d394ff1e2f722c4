import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { MemoizedValidationPipe } from './memoized-validation.pipe';
import { PureQuery } from './pure-query';
import { validationExceptionFactory } from './validation-exception.factory';

let transformsRun = 0;
const counted = ({ value }: { value: unknown }): unknown => {
  transformsRun += 1;
  return value;
};

@PureQuery()
class PageQuery {
  @IsOptional()
  @Transform(counted)
  @Type(() => Number)
  @IsInt({ message: 'page must be a positive integer' })
  @Min(1, { message: 'page must be a positive integer' })
  page?: number;

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: string = 'desc';
}

class ImpureQuery {
  @IsOptional()
  @Transform(counted)
  @Type(() => Number)
  @IsInt()
  page?: number;
}

const OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationExceptionFactory,
};

function query(metatype: ArgumentMetadata['metatype']): ArgumentMetadata {
  return { type: 'query', metatype, data: undefined };
}

describe('MemoizedValidationPipe', () => {
  let pipe: MemoizedValidationPipe;

  beforeEach(() => {
    pipe = new MemoizedValidationPipe(OPTIONS);
    transformsRun = 0;
  });

  it('validates a pure query once and answers the same query string from memory', async () => {
    const first = await pipe.transform({ page: '2' }, query(PageQuery));
    const second = await pipe.transform({ page: '2' }, query(PageQuery));

    expect(first).toBeInstanceOf(PageQuery);
    expect(second).toBeInstanceOf(PageQuery);
    expect(second).toEqual({ page: 2, order: 'desc' });
    expect(transformsRun).toBe(1);
  });

  it('gives every request its own copy, so a handler changing its DTO changes no other request', async () => {
    const first = (await pipe.transform({ page: '3' }, query(PageQuery))) as PageQuery;
    first.page = 99;

    expect(await pipe.transform({ page: '3' }, query(PageQuery))).toEqual({ page: 3, order: 'desc' });
  });

  it('validates a different query string afresh', async () => {
    await pipe.transform({ page: '1' }, query(PageQuery));

    expect(await pipe.transform({ page: '4' }, query(PageQuery))).toEqual({ page: 4, order: 'desc' });
    expect(transformsRun).toBe(2);
  });

  it('refuses a bad query every time, worded by the full validation', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refusal = pipe.transform({ page: '0' }, query(PageQuery));
      await expect(refusal).rejects.toBeInstanceOf(BadRequestException);
      await expect(refusal.catch((error: BadRequestException) => error.getResponse())).resolves.toMatchObject({
        error: 'page must be a positive integer',
      });
    }
    expect(transformsRun).toBe(2);
  });

  it('refuses an unknown field of a query it has accepted without it', async () => {
    await pipe.transform({ page: '1' }, query(PageQuery));

    await expect(pipe.transform({ page: '1', extra: 'x' }, query(PageQuery))).rejects.toThrow(BadRequestException);
  });

  it('validates a query DTO not marked pure on every request', async () => {
    await pipe.transform({ page: '2' }, query(ImpureQuery));
    await pipe.transform({ page: '2' }, query(ImpureQuery));

    expect(transformsRun).toBe(2);
  });

  it('validates a repeated query value with several entries on every request', async () => {
    await pipe.transform({ page: ['1', '2'] }, query(PageQuery)).catch(() => undefined);
    await pipe.transform({ page: ['1', '2'] }, query(PageQuery)).catch(() => undefined);

    expect(transformsRun).toBe(2);
  });
});
