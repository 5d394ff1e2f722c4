import { Injectable, Logger } from '@nestjs/common';
import { SearchGrpcClient } from './grpc/search-grpc.client';

/**
 * Scores the owner's pinned queries once an import or a reindex has landed and records the check in the pins'
 * history. Those changes cannot be judged before they land without a second index, so unlike a settings change
 * they are not refused; the history shows what they did. Best effort: the change itself has already succeeded.
 */
@Injectable()
export class PinCheckRecorder {
  private readonly logger = new Logger(PinCheckRecorder.name);

  constructor(private readonly client: SearchGrpcClient) {}

  async recordAfter(ownerId: number, reason: 'import' | 'reindex'): Promise<void> {
    try {
      const report = await this.client.checkPins({ ownerId, record: true, reason, settings: undefined });
      if (report.regressions > 0) {
        this.logger.warn(`${reason} for owner ${ownerId} made ${report.regressions} pinned quer(ies) worse`);
      }
    } catch (error) {
      this.logger.warn(
        `pin check after ${reason} for owner ${ownerId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
