import { Inject, Injectable } from '@nestjs/common';
import type {
  CheckPinsRequest,
  CreatePinRequest,
  ListPinChecksRequest,
  ListPinChecksResponse,
  ListPinsRequest,
  ListPinsResponse,
  Pin,
  PinRef,
  PinReport,
  PinScore as PinScoreMessage,
} from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchException } from '@search/common/search.exception';
import { DEFAULT_ENGINE_SETTINGS } from '@search/engine';
import type { EngineSettings, SearchEngine } from '@search/engine/search-engine';
import { newJobId } from '@search/jobs/job-id';
import { assertOwner, MAX_QUERY_LENGTH } from '@search/jobs/job-request.validator';
import { plainQuestion, runSearch } from '@search/jobs/run-search';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { SearchSettingsCache } from '../search-settings.cache';
import { validateSettings } from '../search-settings.validator';
import { PinCheckEntity, PinCheckOutcome, PinCheckReason } from './pin-check.entity';
import { meanScores, PIN_DEPTH, PinMode, PinScore, PinVerdict, scorePin, verdictOf } from './pin-scorer';
import { PinEntity } from './pin.entity';
import { PinsRepository } from './pins.repository';

export const MAX_PINS_PER_OWNER = 100;
export const MAX_EXPECTED_VIDEOS = 10;
const DEFAULT_CHECKS = 50;
const MAX_CHECKS = 200;
const MODES: readonly PinMode[] = ['ordered', 'set'];
const RECORDED_REASONS: readonly PinCheckReason[] = ['manual', 'reindex', 'import'];

interface ScoredPin {
  pin: PinEntity;
  before: PinScore;
  after: PinScore;
  verdict: PinVerdict;
}

/** Every pin of an owner scored before and after a change. */
export interface PinEvaluation {
  ownerId: number;
  pins: ScoredPin[];
  regressions: number;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

function toScoreMessage(score: PinScore): PinScoreMessage {
  return {
    reciprocalRank: round(score.reciprocalRank),
    recall: round(score.recall),
    positions: score.positions,
    inOrder: score.inOrder,
  };
}

function toPin(pin: PinEntity, health: PinScore): Pin {
  return {
    id: pin.id,
    ownerId: pin.ownerId,
    query: pin.query,
    expectedVideoIds: pin.expectedVideoIds,
    mode: pin.mode,
    createdAt: pin.createdAt,
    health: toScoreMessage(health),
  };
}

function validatePin(request: CreatePinRequest): Pick<PinEntity, 'query' | 'expectedVideoIds' | 'mode'> {
  const query = request.query.trim();
  if (query.length < 1 || query.length > MAX_QUERY_LENGTH) {
    throw SearchException.invalidArgument(`query must be 1 to ${MAX_QUERY_LENGTH} characters`);
  }
  const ids = request.expectedVideoIds;
  if (ids.length < 1 || ids.length > MAX_EXPECTED_VIDEOS) {
    throw SearchException.invalidArgument(`expected_video_ids must list 1 to ${MAX_EXPECTED_VIDEOS} videos`);
  }
  if (ids.some((id) => !Number.isInteger(id) || id <= 0)) {
    throw SearchException.invalidArgument('expected_video_ids must be positive integers (video ids)');
  }
  if (new Set(ids).size !== ids.length) {
    throw SearchException.invalidArgument('expected_video_ids must not list a video twice');
  }
  const mode = request.mode === '' ? 'set' : (request.mode as PinMode);
  if (!MODES.includes(mode)) {
    throw SearchException.invalidArgument('mode must be "ordered" or "set"');
  }
  return { query, expectedVideoIds: [...ids], mode };
}

/**
 * Pinned queries: an owner's expected results for key queries, scored (reciprocal rank, recall, order) against the
 * engine. A settings change is judged by scoring every pin with the current settings and with the new ones before
 * anything is saved; checks are recorded so that the dashboard can draw the pins' health over time.
 */
@Injectable()
export class PinsService {
  constructor(
    private readonly pins: PinsRepository,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly settings: SearchSettingsCache,
  ) {}

  async create(request: CreatePinRequest): Promise<Pin> {
    assertOwner(request.ownerId);
    const fields = validatePin(request);
    if ((await this.pins.countForOwner(request.ownerId)) >= MAX_PINS_PER_OWNER) {
      throw SearchException.failedPrecondition(`An owner can pin at most ${MAX_PINS_PER_OWNER} queries`);
    }
    const pin: PinEntity = {
      id: newJobId(),
      ownerId: request.ownerId,
      ...fields,
      createdAt: new Date().toISOString(),
      lastScore: null,
    };
    pin.lastScore = this.score(pin, this.currentSettings(pin.ownerId));
    await this.pins.insert(pin);
    return toPin(pin, pin.lastScore);
  }

  async list(request: ListPinsRequest): Promise<ListPinsResponse> {
    assertOwner(request.ownerId);
    const settings = this.currentSettings(request.ownerId);
    const scored = (await this.pins.forOwner(request.ownerId)).map((pin) => ({
      pin,
      health: this.score(pin, settings),
    }));
    const { mrr, recall } = meanScores(scored.map(({ health }) => health));
    return {
      pins: scored.map(({ pin, health }) => toPin(pin, health)),
      mrr: round(mrr),
      recall: round(recall),
      depth: PIN_DEPTH,
    };
  }

  async delete(ref: PinRef): Promise<Pin> {
    assertOwner(ref.ownerId);
    const pin = await this.pins.findForOwner(ref.pinId, ref.ownerId);
    if (!pin) {
      throw SearchException.notFound('Pin not found');
    }
    await this.pins.delete(pin.id, pin.ownerId);
    return toPin(pin, this.score(pin, this.currentSettings(pin.ownerId)));
  }

  async check(request: CheckPinsRequest): Promise<PinReport> {
    assertOwner(request.ownerId);
    const reason = (request.reason === '' ? 'manual' : request.reason) as PinCheckReason;
    if (!RECORDED_REASONS.includes(reason)) {
      throw SearchException.invalidArgument('reason must be "manual", "reindex" or "import"');
    }
    const evaluation = request.settings
      ? await this.evaluateChange(request.ownerId, validateSettings(request.settings, DEFAULT_ENGINE_SETTINGS))
      : await this.evaluateSinceLastCheck(request.ownerId);
    if (request.record && !request.settings) {
      await this.record(evaluation, reason, evaluation.regressions > 0 ? 'regressed' : 'passed');
    }
    return this.report(evaluation);
  }

  async listChecks(request: ListPinChecksRequest): Promise<ListPinChecksResponse> {
    assertOwner(request.ownerId);
    const limit = request.limit === 0 ? DEFAULT_CHECKS : request.limit;
    if (!Number.isInteger(limit) || limit > MAX_CHECKS) {
      throw SearchException.invalidArgument(`limit must be 1 to ${MAX_CHECKS}`);
    }
    const checks = await this.pins.checksForOwner(request.ownerId, limit);
    return {
      checks: checks.map((check) => ({
        id: check.id,
        checkedAt: check.checkedAt,
        reason: check.reason,
        outcome: check.outcome,
        mrr: round(check.figures.mrr),
        recall: round(check.figures.recall),
        pins: check.figures.pins,
        regressions: check.figures.regressions,
      })),
    };
  }

  /** Every pin scored with today's settings and with `next`. */
  async evaluateChange(ownerId: number, next: EngineSettings): Promise<PinEvaluation> {
    const current = this.currentSettings(ownerId);
    return this.evaluate(ownerId, (pin) => [this.score(pin, current), this.score(pin, next)]);
  }

  /** Records a check and makes its "after" every pin's next "before" (a refused change keeps the old ones). */
  async record(evaluation: PinEvaluation, reason: PinCheckReason, outcome: PinCheckOutcome): Promise<void> {
    if (evaluation.pins.length === 0) {
      return;
    }
    const kept = outcome === 'refused' ? 'before' : 'after';
    const { mrr, recall } = meanScores(evaluation.pins.map((scored) => scored[kept]));
    const check: PinCheckEntity = {
      id: newJobId(),
      ownerId: evaluation.ownerId,
      checkedAt: new Date().toISOString(),
      reason,
      outcome,
      figures: { mrr, recall, pins: evaluation.pins.length, regressions: evaluation.regressions },
    };
    await this.pins.record(check, new Map(evaluation.pins.map((scored) => [scored.pin.id, scored[kept]])));
  }

  report(evaluation: PinEvaluation): PinReport {
    const before = meanScores(evaluation.pins.map((scored) => scored.before));
    const after = meanScores(evaluation.pins.map((scored) => scored.after));
    return {
      pins: evaluation.pins.map((scored) => ({
        pin: toPin(scored.pin, scored.after),
        before: toScoreMessage(scored.before),
        after: toScoreMessage(scored.after),
        verdict: scored.verdict,
      })),
      mrrBefore: round(before.mrr),
      mrrAfter: round(after.mrr),
      recallBefore: round(before.recall),
      recallAfter: round(after.recall),
      regressions: evaluation.regressions,
      improvements: evaluation.pins.filter((scored) => scored.verdict === 'better').length,
      depth: PIN_DEPTH,
    };
  }

  /** Today against each pin's last recorded score (its score when pinned, before any check). */
  private evaluateSinceLastCheck(ownerId: number): Promise<PinEvaluation> {
    const current = this.currentSettings(ownerId);
    return this.evaluate(ownerId, (pin) => {
      const now = this.score(pin, current);
      return [pin.lastScore ?? now, now];
    });
  }

  private async evaluate(ownerId: number, scores: (pin: PinEntity) => [PinScore, PinScore]): Promise<PinEvaluation> {
    const pins = (await this.pins.forOwner(ownerId)).map((pin): ScoredPin => {
      const [before, after] = scores(pin);
      return { pin, before, after, verdict: verdictOf(before, after) };
    });
    return { ownerId, pins, regressions: pins.filter((scored) => scored.verdict === 'worse').length };
  }

  private score(pin: PinEntity, settings: EngineSettings): PinScore {
    const { results } = runSearch(this.engine, plainQuestion(pin.ownerId, pin.query, PIN_DEPTH), settings);
    return scorePin(
      pin,
      results.map((result) => result.videoId),
    );
  }

  private currentSettings(ownerId: number): EngineSettings {
    return this.settings.forOwner(ownerId) ?? DEFAULT_ENGINE_SETTINGS;
  }
}
