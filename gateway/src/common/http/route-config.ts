/** A value a route declared with Nest's `@RouteConfig`, from Fastify's route config (undefined when not declared). */
export function routeConfigValue(config: unknown, key: string): unknown {
  return typeof config === 'object' && config !== null && key in config
    ? (config as Record<string, unknown>)[key]
    : undefined;
}
