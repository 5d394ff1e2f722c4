import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { catchError, concat, debounceTime, distinctUntilChanged, map, Observable, of, switchMap, timeout } from 'rxjs';
import { SearchMoment } from '../../core/api/api.types';
import { SearchApiService } from '../../core/api/search-api.service';
import { SearchAnswer, SearchHit } from '../../core/api/search.types';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';
import { MarkedTextComponent } from '../../ui/highlight/marked-text.component';
import { MomentChipsComponent } from '../../ui/moments/moment-chips.component';
import { ComparePair, ComparePanelComponent } from './compare-panel.component';
import { togglePick } from './explain';
import { ScoreExplanationComponent } from './score-explanation.component';
import {
  DurationBucket,
  durationFacets,
  EMPTY_CRITERIA,
  hasFilters,
  MAX_QUERY_LENGTH,
  PAGE_SIZE,
  pageInfo,
  SearchCriteria,
  SORT_OPTIONS,
  SortValue,
  tagFacets,
  toggleTag,
  toInstantQuery,
} from './search-query';
import { applySuggestion, CLOSED, suggestionKey, SuggestionState } from './suggestions';
import { VideoPreviewData, VideoPreviewDialog } from './video-preview.dialog';

export const TYPING_DEBOUNCE_MS = 250;
export const SUGGEST_DEBOUNCE_MS = 150;
const MAX_SUGGEST_LENGTH = 100;
const CLICK_RECORD_TIMEOUT_MS = 3000;

type Phase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; answer: SearchAnswer; criteria: SearchCriteria }
  | { kind: 'error'; message: string };

/** As-you-type search with highlights, facet refinements, sort, suggestions and offset pages. */
@Component({
  selector: 'app-search-page',
  imports: [
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    MatSlideToggleModule,
    MarkedTextComponent,
    MomentChipsComponent,
    ComparePanelComponent,
    ScoreExplanationComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search.page.html',
  styleUrl: './search.page.scss',
})
export default class SearchPage {
  private readonly api = inject(SearchApiService);
  private readonly dialog = inject(MatDialog);
  private readonly userId = inject(SessionService).requireUserId();

  protected readonly maxLength = MAX_QUERY_LENGTH;
  protected readonly sortOptions = SORT_OPTIONS;
  protected readonly typed = signal('');
  protected readonly criteria = signal<SearchCriteria>(EMPTY_CRITERIA);
  private readonly phase = signal<Phase>({ kind: 'idle' });
  /** The last answer, kept on screen (dimmed) while the next one loads. */
  private readonly lastDone = signal<Extract<Phase, { kind: 'done' }> | null>(null);

  protected readonly loading = computed(() => this.phase().kind === 'loading');
  protected readonly error = computed(() => {
    const phase = this.phase();
    return phase.kind === 'error' ? phase.message : null;
  });
  protected readonly done = computed(() => (this.criteria().q ? this.lastDone() : null));
  protected readonly hits = computed(() => this.done()?.answer.results ?? []);
  protected readonly page = computed(() => {
    const done = this.done();
    return done
      ? pageInfo(
          done.answer.offset ?? 0,
          done.answer.limit ?? PAGE_SIZE,
          done.answer.results.length,
          done.answer.estimated_total_hits ?? done.answer.results.length,
        )
      : null;
  });
  protected readonly tagFacets = computed(() =>
    tagFacets(this.done()?.answer.facet_distribution, this.criteria().tags),
  );
  protected readonly durationFacets = computed(() => durationFacets(this.done()?.answer.facet_distribution));
  protected readonly filtered = computed(() => hasFilters(this.criteria()));

  /** Results whose explanation is open, by video id. */
  protected readonly expanded = signal<ReadonlySet<number>>(new Set());
  /** Up to two results picked for comparison, in the order picked. */
  protected readonly picked = signal<readonly number[]>([]);
  protected readonly comparePair = computed((): ComparePair | null => {
    const done = this.done();
    const picked = this.picked();
    if (!done || picked.length !== 2) {
      return null;
    }
    // The higher-ranked one is A, so the answer reads as why A ranks above B.
    const ids = done.answer.results.map((hit) => hit.video_id);
    const [a, b] = [...picked].sort((x, y) => ids.indexOf(x) - ids.indexOf(y));
    return { userId: this.userId, jobId: done.answer.job_id, a, b };
  });

  protected readonly suggestions = signal<string[]>([]);
  protected readonly suggestState = signal<SuggestionState>(CLOSED);
  /** The text the shown suggestions complete (answers for a shorter text may show first while typing). */
  protected readonly suggestedFor = signal('');
  protected readonly suggestOpen = computed(() => this.suggestState().open && this.suggestions().length > 0);
  protected readonly activeOption = computed(() => {
    const { active } = this.suggestState();
    return this.suggestOpen() && active >= 0 ? `search-suggestion-${active}` : null;
  });
  /** Suggestions open only for text the user typed, not after one was picked. */
  private typedByUser = false;
  private focused = false;

  constructor() {
    toObservable(this.typed)
      .pipe(debounceTime(TYPING_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe((text) => this.setQuery(text));

    toObservable(this.criteria)
      .pipe(
        switchMap((criteria) => this.run(criteria)),
        takeUntilDestroyed(),
      )
      .subscribe((phase) => {
        this.phase.set(phase);
        if (phase.kind === 'done') {
          this.lastDone.set(phase);
          this.expanded.set(new Set());
          // A comparison is asked of one job; picks from another answer's job would not name its results.
          this.picked.set([]);
        } else if (phase.kind === 'error') {
          // Results of an earlier query under the error would read as this query's.
          this.lastDone.set(null);
        }
      });

    toObservable(this.typed)
      .pipe(
        map((text) => text.trim()),
        debounceTime(SUGGEST_DEBOUNCE_MS),
        distinctUntilChanged(),
        switchMap((prefix) =>
          (!prefix || prefix.length > MAX_SUGGEST_LENGTH
            ? of([] as string[])
            : this.api.suggest(this.userId, prefix).pipe(catchError(() => of([] as string[])))
          ).pipe(map((suggestions) => ({ prefix, suggestions }))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ prefix, suggestions }) => {
        // A later answer must not move the option the user is on with the arrow keys.
        const current = this.suggestState();
        const activeText = current.open && current.active >= 0 ? this.suggestions()[current.active] : undefined;
        const active = activeText === undefined ? -1 : suggestions.indexOf(activeText);
        this.suggestions.set(suggestions);
        this.suggestedFor.set(prefix);
        const typed = this.typed().trim().toLowerCase();
        const useful = suggestions.some((suggestion) => suggestion.toLowerCase() !== typed);
        this.suggestState.set(this.typedByUser && this.focused && useful ? { open: true, active } : CLOSED);
      });
  }

  protected onInput(event: Event): void {
    this.typedByUser = true;
    this.typed.set((event.target as HTMLInputElement).value);
  }

  protected onFocus(): void {
    this.focused = true;
  }

  protected onBlur(): void {
    this.focused = false;
    this.suggestState.set(CLOSED);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const { state, action, handled } = suggestionKey(
      this.suggestOpen() ? this.suggestState() : CLOSED,
      event.key,
      this.suggestions().length,
    );
    if (handled) {
      event.preventDefault();
    }
    this.suggestState.set(state);
    if (action.type === 'pick') {
      this.pick(action.index);
    } else if (action.type === 'submit') {
      this.typedByUser = false;
      this.setQuery(this.typed(), true);
    }
  }

  protected pick(index: number): void {
    const suggestion = this.suggestions()[index];
    if (suggestion === undefined) {
      return;
    }
    const text = applySuggestion(this.typed(), suggestion);
    this.typedByUser = false;
    this.suggestState.set(CLOSED);
    this.typed.set(text);
    this.setQuery(text);
  }

  protected setExplain(explain: boolean): void {
    this.criteria.update((criteria) => ({ ...criteria, explain }));
  }

  protected toggleExplanation(videoId: number): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (!next.delete(videoId)) {
        next.add(videoId);
      }
      return next;
    });
  }

  protected togglePick(videoId: number): void {
    this.picked.update((picked) => togglePick(picked, videoId));
  }

  protected closeCompare(): void {
    this.picked.set([]);
  }

  protected setSort(sort: SortValue): void {
    this.criteria.update((criteria) => ({ ...criteria, sort, offset: 0 }));
  }

  protected toggleTag(tag: string): void {
    this.criteria.update((criteria) => ({ ...criteria, tags: toggleTag(criteria.tags, tag), offset: 0 }));
  }

  protected setDuration(duration: DurationBucket | ''): void {
    this.criteria.update((criteria) => ({ ...criteria, duration: duration || null, offset: 0 }));
  }

  protected clearFilters(): void {
    this.criteria.update((criteria) => ({ ...criteria, tags: [], duration: null, offset: 0 }));
  }

  protected goTo(offset: number | null): void {
    if (offset !== null) {
      this.criteria.update((criteria) => ({ ...criteria, offset }));
    }
  }

  protected retry(): void {
    this.criteria.update((criteria) => ({ ...criteria }));
  }

  /** Records the click (position in the whole result list, 1-based), then opens the video (at the moment picked). */
  protected open(hit: SearchHit, index: number, moment?: SearchMoment): void {
    const done = this.done();
    if (!done) {
      return;
    }
    const position = (done.answer.offset ?? 0) + index + 1;
    this.api
      .recordClick(this.userId, done.answer.job_id, hit.video_id, position)
      .pipe(
        timeout(CLICK_RECORD_TIMEOUT_MS),
        catchError(() => of(null)),
      )
      .subscribe(() =>
        this.dialog.open<VideoPreviewDialog, VideoPreviewData>(VideoPreviewDialog, {
          data: { userId: this.userId, hit, moment },
          width: '560px',
          maxWidth: '95vw',
        }),
      );
  }

  /** `now` searches even when the text equals the current query (Enter on the same words). */
  private setQuery(text: string, now = false): void {
    const q = text.trim().slice(0, MAX_QUERY_LENGTH);
    this.criteria.update((criteria) => (criteria.q === q && !now ? criteria : { ...criteria, q, offset: 0 }));
  }

  private run(criteria: SearchCriteria): Observable<Phase> {
    if (!criteria.q) {
      return of({ kind: 'idle' });
    }
    return concat(
      of<Phase>({ kind: 'loading' }),
      this.api.instant(this.userId, toInstantQuery(criteria)).pipe(
        map((answer): Phase => ({ kind: 'done', answer, criteria })),
        catchError((error: unknown) => of<Phase>({ kind: 'error', message: errorMessage(error) })),
      ),
    );
  }
}
