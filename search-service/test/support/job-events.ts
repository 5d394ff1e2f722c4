import type { ClientReadableStream, StatusObject } from '@grpc/grpc-js';
import type { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import type { DynamicClient } from './grpc-clients';
import { tokenMetadata } from './grpc-clients';

export interface ReceivedJobEvent {
  jobId: string;
  ownerId: number;
  status: JobStatus;
  resultCount: number;
  resync: boolean;
}

/** Collects WatchJobs events and lets a test wait for one matching a predicate. */
export class JobEventRecorder {
  readonly events: ReceivedJobEvent[] = [];
  private readonly stream: ClientReadableStream<ReceivedJobEvent>;
  private waiters: Array<{ match: (event: ReceivedJobEvent) => boolean; resolve: (event: ReceivedJobEvent) => void }> =
    [];

  private readonly status: Promise<StatusObject>;

  constructor(client: DynamicClient, request: object, token: string | undefined) {
    const watch = client.watchJobs as (req: object, md: ReturnType<typeof tokenMetadata>) => typeof this.stream;
    this.stream = watch.call(client, request, tokenMetadata(token));
    this.stream.on('data', (event: ReceivedJobEvent) => {
      this.events.push(event);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.match(event)) {
          waiter.resolve(event);
          return false;
        }
        return true;
      });
    });
    this.stream.on('error', () => undefined);
    this.status = new Promise((resolve) => this.stream.on('status', resolve));
  }

  /** The final status of the stream: OK when the server ended it, the error status otherwise. */
  finished(): Promise<StatusObject> {
    return this.status;
  }

  next(match: (event: ReceivedJobEvent) => boolean, timeoutMs = 10000): Promise<ReceivedJobEvent> {
    const seen = this.events.find(match);
    if (seen) {
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching job event within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  }

  cancel(): void {
    this.stream.cancel();
  }
}
