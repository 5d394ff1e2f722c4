/**
 * A response body already serialized as JSON, sent as it is: for an answer kept and sent many times (a list page),
 * whose serialization on every request was a tenth of its cost. `T` is the shape the text holds.
 */
export class JsonText<T = unknown> {
  declare private readonly shape?: T;

  private constructor(readonly text: string) {}

  static of<T>(value: T): JsonText<T> {
    return new JsonText<T>(JSON.stringify(value));
  }
}

/** Fastify's reply serializer: a `JsonText` as it is, anything else as Fastify's default does it. */
export function serializeReply(payload: unknown): string {
  return payload instanceof JsonText ? payload.text : JSON.stringify(payload);
}
