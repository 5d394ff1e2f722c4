const PURE_QUERY = Symbol('pure query DTO');

/**
 * Marks a query DTO whose validation depends on the query's values alone (no clock, no configuration), so that
 * MemoizedValidationPipe may remember its outcome.
 */
export function PureQuery(): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(PURE_QUERY, true, target);
  };
}

export function isPureQuery(metatype: unknown): boolean {
  return typeof metatype === 'function' && Reflect.getMetadata(PURE_QUERY, metatype) === true;
}
