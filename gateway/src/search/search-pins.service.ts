import { VideosRepository } from '@gateway/videos/videos.repository';
import { BadRequestException, Injectable } from '@nestjs/common';
import type { ListPinChecksResponse, Pin, PinReport, PinScore } from '@proto/gen/ts/videosearch/search/v1/index';
import {
  CheckPinsDto,
  CreatePinDto,
  PinDto,
  PinHistoryDto,
  PinListDto,
  PinReportDto,
  PinScoreDto,
} from './dto/search-pins.dto';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { toSearchSettings } from './search.mapper';

/**
 * Pinned queries live in the search service beside the settings they gate, so that a settings change is judged
 * against the pins in the same place it is saved.
 */
@Injectable()
export class SearchPinsService {
  constructor(
    private readonly client: SearchGrpcClient,
    private readonly videos: VideosRepository,
  ) {}

  async create(ownerId: number, dto: CreatePinDto): Promise<PinDto> {
    await this.assertOwned(ownerId, dto.expected_video_ids);
    const pin = await this.client.createPin({
      ownerId,
      query: dto.query,
      expectedVideoIds: dto.expected_video_ids,
      mode: dto.mode ?? '',
    });
    return toPinDto(pin);
  }

  async list(ownerId: number): Promise<PinListDto> {
    const { pins, mrr, recall, depth } = await this.client.listPins(ownerId);
    return { pins: pins.map(toPinDto), mrr, recall, depth };
  }

  async delete(ownerId: number, pinId: string): Promise<void> {
    await this.client.deletePin({ ownerId, pinId });
  }

  async check(ownerId: number, dto: CheckPinsDto): Promise<PinReportDto> {
    const report = await this.client.checkPins({
      ownerId,
      settings: dto.settings ? toSearchSettings(ownerId, dto.settings) : undefined,
      record: dto.record === true && !dto.settings,
      reason: '',
    });
    return toPinReportDto(report);
  }

  async history(ownerId: number, limit?: number): Promise<PinHistoryDto> {
    return toHistoryDto(await this.client.listPinChecks({ ownerId, limit: limit ?? 0 }));
  }

  /** A pin on a video the owner does not have could never pass, so it is refused rather than kept failing. */
  private async assertOwned(ownerId: number, videoIds: readonly number[]): Promise<void> {
    const owned = await this.videos.ownedIds(ownerId, videoIds);
    const missing = videoIds.filter((id) => !owned.has(id));
    if (missing.length > 0) {
      throw new BadRequestException(
        `expected_video_ids: ${missing.length === 1 ? 'video' : 'videos'} ${missing.join(', ')} not in your library`,
      );
    }
  }
}

const NO_SCORE: PinScore = { reciprocalRank: 0, recall: 0, positions: [], inOrder: true };

function toScoreDto(score: PinScore = NO_SCORE): PinScoreDto {
  return {
    reciprocal_rank: score.reciprocalRank,
    recall: score.recall,
    positions: score.positions,
    in_order: score.inOrder,
  };
}

function toPinDto(pin: Pin): PinDto {
  return {
    id: pin.id,
    query: pin.query,
    expected_video_ids: pin.expectedVideoIds,
    mode: pin.mode,
    created_at: pin.createdAt,
    health: toScoreDto(pin.health),
  };
}

export function toPinReportDto(report: PinReport): PinReportDto {
  return {
    pins: report.pins.map((comparison) => ({
      pin: toPinDto(comparison.pin ?? EMPTY_PIN),
      before: toScoreDto(comparison.before),
      after: toScoreDto(comparison.after),
      verdict: comparison.verdict,
    })),
    mrr_before: report.mrrBefore,
    mrr_after: report.mrrAfter,
    recall_before: report.recallBefore,
    recall_after: report.recallAfter,
    regressions: report.regressions,
    improvements: report.improvements,
    depth: report.depth,
  };
}

/** proto3 message fields are optional on the wire; the service always sets a comparison's pin. */
const EMPTY_PIN: Pin = {
  id: '',
  ownerId: 0,
  query: '',
  expectedVideoIds: [],
  mode: '',
  createdAt: '',
  health: undefined,
};

function toHistoryDto({ checks }: ListPinChecksResponse): PinHistoryDto {
  return {
    checks: checks.map((check) => ({
      id: check.id,
      checked_at: check.checkedAt,
      reason: check.reason,
      outcome: check.outcome,
      mrr: check.mrr,
      recall: check.recall,
      pins: check.pins,
      regressions: check.regressions,
    })),
  };
}
