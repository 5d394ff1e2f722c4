import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type NoResultDiagnosisDto } from '@video-search/sdk/angular';
import { signedInApiTesting } from '../../../testing/api-testing';
import { ZeroResultDoctorComponent } from './zero-result-doctor.component';

const SETTINGS = {
  synonyms: { automobile: ['car'] },
  stop_words: [],
  typo_tolerance: { enabled: true, min_word_size_one_typo: 5, min_word_size_two_typos: 9 },
  field_weights: { title: 3, description: 1, tags: 2 },
};

const DIAGNOSIS: NoResultDiagnosisDto = {
  query: 'automobile',
  matches_now: 0,
  matches_without_filters: 0,
  no_result_searches: 2,
  last_searched_at: '2026-12-06T10:00:00.000Z',
  words: [{ word: 'automobile', stop_word: null, documents: 0, nearest: null, typo_reaches_nearest: false }],
  causes: [{ code: 'words_absent', message: 'No video holds "automobile"', words: ['automobile'] }],
  fixes: [
    {
      id: 'synonym:automobile=car',
      kind: 'synonym',
      description: 'Make "automobile" also find "car"',
      settings: SETTINGS,
      answers_query: true,
      answered_searches: 2,
    },
  ],
  window: { days: 30, no_result_searches: 3, replayed_searches: 3, answered_now: 0 },
};

const REPORT = {
  pins: [
    {
      pin: { id: 'p1', query: 'car', expected_video_ids: [4], mode: 'set', created_at: '', health: {} },
      before: { reciprocal_rank: 1, recall: 1, positions: [1], in_order: true },
      after: { reciprocal_rank: 0.5, recall: 1, positions: [2], in_order: true },
      verdict: 'worse',
    },
  ],
  mrr_before: 1,
  mrr_after: 0.5,
  recall_before: 1,
  recall_after: 1,
  regressions: 1,
  improvements: 0,
  depth: 20,
};

describe('ZeroResultDoctorComponent', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = signedInApiTesting();
  });

  afterEach(() => backend.verify());

  async function diagnosed() {
    const fixture = TestBed.createComponent(ZeroResultDoctorComponent);
    const host = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    // whenStable waits for the resources' requests too: this only runs the effects that send them.
    const send = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    };
    fixture.detectChanges();
    backend.expectOne({ method: 'GET', url: '/api/v1/analytics/search' }).flush({
      zero_result_queries: [
        { query: 'automobile', count: 2, avg_result_count: 0, last_searched_at: '2026-12-06T10:00:00.000Z' },
      ],
    });
    await settle();
    host.querySelector<HTMLButtonElement>('[data-testid="no-result-query"]')!.click();
    await send();
    backend
      .expectOne({ method: 'GET', url: '/api/v1/analytics/search/no-results/automobile/diagnosis' })
      .flush(DIAGNOSIS);
    await settle();
    const applyButton = (name: string) =>
      [...host.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === name)!;
    return { host, settle, send, applyButton };
  }

  it('lists the empty queries and explains the chosen one with its fixes', async () => {
    const { host } = await diagnosed();
    expect(host.querySelector('[data-code="words_absent"]')?.textContent).toContain('Words no video holds');
    const fix = host.querySelector('[data-fix="synonym:automobile=car"]')!.textContent;
    expect(fix).toContain('would answer 2 of the last 30 days');
  });

  it('writes the proposed settings in one click, then diagnoses again', async () => {
    const { host, applyButton, settle, send } = await diagnosed();
    applyButton('Apply').click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/v1/users/9/search/settings' });
    expect(put.request.body).toEqual(SETTINGS);
    expect(put.request.params.has('force')).toBe(false);
    put.flush({ ...SETTINGS, updated_at: '2026-12-06T11:00:00.000Z' });
    await send();
    backend
      .expectOne({ method: 'GET', url: '/api/v1/analytics/search/no-results/automobile/diagnosis' })
      .flush({ ...DIAGNOSIS, matches_now: 2, causes: [], fixes: [] });
    await settle();
    expect(host.querySelector('[data-testid="diagnosis-fixed"]')).not.toBeNull();
  });

  it('shows the pins a fix would regress and applies it anyway when asked', async () => {
    const { host, applyButton, settle, send } = await diagnosed();
    applyButton('Apply').click();
    backend
      .expectOne({ method: 'PUT', url: '/api/v1/users/9/search/settings' })
      .flush(
        { error: 'The change makes 1 pinned query worse ("car")', report: REPORT },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    const refusal = host.querySelector('[data-testid="pin-regression"]')!;
    expect(refusal.textContent).toContain('The change makes 1 pinned query worse');
    expect(refusal.querySelector('[data-verdict="worse"]')?.textContent).toContain('car');

    applyButton('Apply anyway').click();
    const forced = backend.expectOne(
      (request) => request.method === 'PUT' && request.url === '/api/v1/users/9/search/settings',
    );
    expect(forced.request.params.get('force')).toBe('true');
    forced.flush({ ...SETTINGS, updated_at: '2026-12-06T11:00:00.000Z' });
    await send();
    backend
      .expectOne({ method: 'GET', url: '/api/v1/analytics/search/no-results/automobile/diagnosis' })
      .flush(DIAGNOSIS);
    await settle();
    expect(host.querySelector('[data-testid="pin-regression"]')).toBeNull();
  });
});
