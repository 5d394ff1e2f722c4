type ParamValue = string | number | boolean | null | undefined;

/** The query without its blank values, so the API applies its own defaults for them. */
export function withoutBlanks<T extends object>(query: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(query as Record<string, ParamValue>).filter(
      ([, value]) => value !== null && value !== undefined && value !== '',
    ),
  ) as { [K in keyof T]?: Exclude<T[K], null> };
}
