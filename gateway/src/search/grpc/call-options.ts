import type { CallOptions, Metadata } from '@grpc/grpc-js';
import type { Observable } from 'rxjs';

/**
 * The generated clients declare `(request, metadata)`; Nest forwards every argument to grpc-js, whose
 * third one is CallOptions. This view of a generated client adds it, so each call carries a deadline.
 */
export type WithCallOptions<Client> = {
  [Method in keyof Client]: Client[Method] extends (
    request: infer Request,
    metadata?: Metadata,
  ) => Observable<infer Reply>
    ? (request: Request, metadata: Metadata, options: CallOptions) => Observable<Reply>
    : never;
};
