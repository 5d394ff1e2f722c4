import { ValidationError } from 'class-validator';
import { validationExceptionFactory } from './validation-exception.factory';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('validationExceptionFactory', () => {
  it('leads with the top-most failing decorator of the first field and lists every problem', () => {
    // class-validator reports constraints bottom-up, i.e. the last decorator first.
    const exception = validationExceptionFactory([
      error('title', { isString: 'title must be a string', isNotEmpty: 'title is required' }),
      error('duration', { min: 'duration must not be negative' }),
    ]);

    expect(exception.getStatus()).toBe(400);
    expect(exception.getResponse()).toEqual({
      error: 'title is required',
      details: ['title is required', 'title must be a string', 'duration must not be negative'],
    });
  });

  it('names nested fields by their path', () => {
    const exception = validationExceptionFactory([
      error('filters', {}, [error('min_duration', { min: 'min_duration must not be less than 0' })]),
    ]);

    expect(exception.getResponse()).toEqual({
      error: 'filters.min_duration must not be less than 0',
      details: ['filters.min_duration must not be less than 0'],
    });
  });

  it('keeps a nested message that already names its path, and lists a problem once', () => {
    const exception = validationExceptionFactory([
      error('filters', {}, [
        error('min_duration', {
          isInt: 'filters.min_duration must be an integer number of seconds',
          min: 'filters.min_duration must be an integer number of seconds',
        }),
      ]),
    ]);

    expect(exception.getResponse()).toEqual({
      error: 'filters.min_duration must be an integer number of seconds',
      details: ['filters.min_duration must be an integer number of seconds'],
    });
  });
});
