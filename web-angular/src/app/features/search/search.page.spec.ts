import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { SearchAnswer } from '../../core/api/search.types';
import { SessionService } from '../../core/auth/session.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import SearchPage from './search.page';

const ANSWER: SearchAnswer = {
  job_id: 'job-1',
  status: 'completed',
  estimated_total_hits: 2,
  offset: 0,
  limit: 10,
  results: [
    {
      video_id: 4,
      title: 'Cooking pasta',
      relevance_score: 0.9,
      matched_text: 'x',
      matched_fields: ['title', 'description', 'tags'],
      moments: [],
      highlights: {
        title: '<mark>Cooking</mark> pasta',
        description: 'Tom &amp; <b>Jerry</b>',
        tags: ['<mark>cooking</mark>'],
      },
    },
    {
      video_id: 7,
      title: 'Baking',
      relevance_score: 0.5,
      matched_text: 'Baking while <mark>cooking</mark>',
      matched_fields: ['description'],
      moments: [],
    },
  ],
  facet_distribution: {
    tags: { cooking: 2, baking: 1 },
    duration: { '0-60': 0, '60-300': 2, '300-1200': 0, '1200+': 0 },
  },
};

describe('SearchPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideHeyApiClient(client),
      ],
    });
    TestBed.inject(SessionService).start({ token: 't', user: { id: 9, email: 'a@b.c', name: '' } });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => vi.useRealTimers());

  function render() {
    const fixture = TestBed.createComponent(SearchPage);
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const input = host.querySelector<HTMLInputElement>('[data-testid="instant-search"]')!;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      TestBed.tick();
    };
    const settle = async (ms = 0) => {
      await vi.advanceTimersByTimeAsync(ms);
      TestBed.tick();
      fixture.detectChanges();
    };
    return { fixture, host, input, type, settle };
  }

  const searches = () =>
    backend.match((request) => request.method === 'GET' && request.url === '/api/v1/users/9/search');
  const dropSuggestions = () =>
    backend.match('/api/v1/users/9/search/suggest').forEach((r) => r.flush({ suggestions: [] }));

  it('searches once the typing pauses, cancelling the stale request', async () => {
    const { host, type, settle } = render();
    type('co');
    await settle(300);
    const [stale] = searches();
    expect(stale.request.params.get('q')).toBe('co');
    type('cooking');
    await settle(100);
    expect(searches()).toHaveLength(0);
    await settle(200);
    const [current]: TestRequest[] = searches();
    expect(stale.cancelled).toBe(true);
    expect(current.request.params.get('q')).toBe('cooking');
    expect(current.request.params.getAll('facets')).toEqual(['tags', 'duration']);
    current.flush(ANSWER);
    dropSuggestions();
    await settle();

    const hits = host.querySelectorAll('[data-testid="search-hit"]');
    expect(hits).toHaveLength(2);
    expect(hits[0].querySelector('.hit-title mark')?.textContent).toBe('Cooking');
    // The description's stray tag stays text, its entity decoded once.
    expect(hits[0].querySelector('.hit-text b')).toBeNull();
    expect(hits[0].querySelector('.hit-text')?.textContent).toContain('Tom & <b>Jerry</b>');
    expect(host.querySelector('[data-tag="baking"] [data-testid="facet-count"]')?.textContent?.trim()).toBe('1');
    expect(host.querySelector('[data-testid="search-summary"]')?.textContent).toContain('1–2 of about 2');
  });

  it('refines by a tag at once and records a click before opening a result', async () => {
    const { host, type, settle } = render();
    type('cooking');
    await settle(300);
    searches()[0].flush(ANSWER);
    dropSuggestions();
    await settle();

    host.querySelector<HTMLInputElement>('[data-tag="baking"] input')!.click();
    await settle();
    const [refined] = searches();
    expect(refined.request.params.get('tags_all')).toBe('baking');
    refined.flush(ANSWER);
    await settle();

    host.querySelectorAll<HTMLButtonElement>('[data-testid="search-hit"] .hit-title')[1].click();
    const click = backend.expectOne('/api/v1/users/9/search/job-1/clicks');
    expect(click.request.body).toEqual({ video_id: 7, position: 2 });
    click.flush({ job_id: 'job-1', video_id: 7, position: 2, clicked_at: 'now' });
    await settle();
    backend.expectOne('/api/v1/users/9/videos/7');
  });

  it('shows the moments of a result as chips and opens the video at the picked one', async () => {
    const { host, type, settle } = render();
    type('starter');
    await settle(300);
    const withMoments: SearchAnswer = {
      ...ANSWER,
      results: [
        {
          ...ANSWER.results[1],
          matched_fields: ['captions'],
          moments: [
            { start: 252, end: 256, t: '04:12', text: 'feeding the <mark>starter</mark> &amp; <i>x</i>' },
            { start: 30, end: 33, t: '00:30', text: 'a new <mark>starter</mark>' },
          ],
        },
        { ...ANSWER.results[0], moments: [] },
      ],
    };
    searches()[0].flush(withMoments);
    dropSuggestions();
    await settle();

    const hits = host.querySelectorAll('[data-testid="search-hit"]');
    const chips = hits[0].querySelectorAll<HTMLButtonElement>('[data-testid="moment-chip"]');
    expect([...chips].map((chip) => chip.querySelector('[data-testid="moment-time"]')?.textContent?.trim())).toEqual([
      '04:12',
      '00:30',
    ]);
    expect(chips[0].querySelector('mark')?.textContent).toBe('starter');
    expect(chips[0].querySelector('i')).toBeNull();
    expect(chips[0].textContent).toContain('& <i>x</i>');
    expect(hits[1].querySelector('[data-testid="search-moments"]')).toBeNull();

    chips[0].click();
    const click = backend.expectOne('/api/v1/users/9/search/job-1/clicks');
    expect(click.request.body).toEqual({ video_id: 7, position: 1 });
    click.flush({ job_id: 'job-1', video_id: 7, position: 1, clicked_at: 'now' });
    await settle();
    backend.expectOne('/api/v1/users/9/videos/7');
    const preview = document.querySelector('[data-testid="video-preview-moment"]');
    expect(preview?.textContent).toContain('04:12');
    expect(preview?.querySelector('mark')?.textContent).toBe('starter');
  });

  it('explains a result when asked, and compares two picked results, the higher-ranked as A', async () => {
    const { host, type, settle } = render();
    host.querySelector<HTMLButtonElement>('[data-testid="explain-toggle"] button')!.click();
    type('cooking');
    await settle(300);
    const [search] = searches();
    expect(search.request.params.get('explain')).toBe('true');
    const explanation = {
      words: [
        {
          word: 'cooking',
          kind: 'stemmed' as const,
          matched: 'cook',
          typo_distance: 0,
          expansion_weight: 1,
          idf: 1,
          fields: [{ field: 'title' as const, frequency: 1, weight: 3, length_norm: 1 }],
          term_frequency: 3,
          raw_score: 0.7,
          part: 0.6,
          caption_cue: null,
        },
      ],
      normalization: 1,
      coverage: 1,
      coverage_factor: 1,
      fields_score: 0.6,
      caption_score: 0,
      caption_cue: '',
      parts: { words: 0.6, proximity: 0.2, exact_match_bonus: 0.1, captions: 0, rank_cap: 0 },
      score: 0.9,
    };
    search.flush({ ...ANSWER, results: [{ ...ANSWER.results[0], explanation }, ANSWER.results[1]] });
    dropSuggestions();
    await settle();

    const hits = host.querySelectorAll('[data-testid="search-hit"]');
    expect(hits[1].querySelector('[data-testid="explain-open"]')).toBeNull();
    hits[0].querySelector<HTMLButtonElement>('[data-testid="explain-open"]')!.click();
    await settle();
    expect(hits[0].querySelector('[data-testid="explain-word"]')?.textContent).toContain('stemmed: “cook”');
    expect(hits[0].querySelector('[data-testid="explain-word"]')?.textContent).toContain('title ×3');
    const sum = hits[0].querySelector('[data-testid="explain-sum"]')!;
    expect(sum.getAttribute('data-adds-up')).toBe('true');
    expect(sum.textContent).toContain('= relevance score 0.900');

    hits[1].querySelector<HTMLInputElement>('[data-testid="compare-pick"] input')!.click();
    await settle();
    expect(host.querySelector('[data-testid="compare-hint"]')).not.toBeNull();
    hits[0].querySelector<HTMLInputElement>('[data-testid="compare-pick"] input')!.click();
    await settle();
    const compare = backend.expectOne((request) => request.url === '/api/v1/users/9/search/job-1/compare');
    expect(compare.request.params.get('a')).toBe('4');
    expect(compare.request.params.get('b')).toBe('7');
    compare.flush({
      a: ANSWER.results[0],
      b: ANSWER.results[1],
      score_difference: 0.4,
      differences: [{ part: 'word:cooking', a: 0.6, b: 0.3, difference: 0.3 }],
      summary: 'Cooking pasta ranks above Baking mostly on its words.',
    });
    await settle();
    expect(host.querySelector('[data-testid="compare-summary"]')?.textContent).toContain('mostly on its words');
    expect(host.querySelector('[data-testid="compare-row"]')?.textContent).toContain('Word “cooking”');
  });

  it("shows the API's error message and an empty state with advice", async () => {
    const { host, type, settle } = render();
    type('zzz');
    await settle(300);
    searches()[0].flush({ error: 'q must be at most 500 characters' }, { status: 400, statusText: 'Bad Request' });
    dropSuggestions();
    await settle();
    expect(host.querySelector('[data-testid="search-error"]')?.textContent).toContain(
      'q must be at most 500 characters',
    );

    host.querySelector<HTMLButtonElement>('[data-testid="search-error"] button')!.click();
    await settle();
    searches()[0].flush({ ...ANSWER, results: [], estimated_total_hits: 0, facet_distribution: {} });
    await settle();
    expect(host.querySelector('[data-testid="search-error"]')).toBeNull();
    expect(host.querySelector('[data-testid="search-empty"]')?.textContent).toContain('No videos match “zzz”');
    expect(host.querySelector('[data-testid="search-empty"]')?.textContent).toContain('Try');
  });

  it('keeps the option picked with the arrow keys when a later answer reorders the suggestions', async () => {
    const { host, input, type, settle } = render();
    input.dispatchEvent(new Event('focus'));
    type('so');
    await settle(200);
    backend
      .expectOne((r) => r.url === '/api/v1/users/9/search/suggest')
      .flush({ suggestions: ['sourdough', 'sour cream'] });
    await settle();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    await settle();
    expect(input.getAttribute('aria-activedescendant')).toBe('search-suggestion-1');

    type('sou');
    await settle(200);
    backend
      .expectOne((r) => r.url === '/api/v1/users/9/search/suggest')
      .flush({ suggestions: ['sour cream', 'sourdough', 'soup'] });
    await settle();
    expect(input.getAttribute('aria-activedescendant')).toBe('search-suggestion-0');
    expect(host.querySelector('[data-testid="search-suggestions"]')?.getAttribute('data-suggested-for')).toBe('sou');
    searches().forEach((r) => r.flush(ANSWER));
  });

  it('opens suggestions for typed text, picks one with the keyboard and searches it at once', async () => {
    const { host, input, type, settle } = render();
    input.dispatchEvent(new Event('focus'));
    type('sour');
    await settle(200);
    backend
      .expectOne((r) => r.url === '/api/v1/users/9/search/suggest')
      .flush({ suggestions: ['sourdough', 'sour cream'] });
    await settle();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(host.querySelectorAll('[role="option"]')).toHaveLength(2);

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    await settle();
    expect(input.getAttribute('aria-activedescendant')).toBe('search-suggestion-1');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('sour cream');
    const [search] = searches();
    expect(search.request.params.get('q')).toBe('sour cream');
    search.flush(ANSWER);
    await settle(400);
    // Picking does not reopen the list for the picked text.
    backend.match('/api/v1/users/9/search/suggest').forEach((r) => r.flush({ suggestions: ['sour cream'] }));
    await settle();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(searches()).toHaveLength(0);
  });
});
