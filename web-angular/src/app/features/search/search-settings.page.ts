import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { filter, startWith } from 'rxjs';
import { SearchApiService } from '../../core/api/search-api.service';
import { SearchSettings, SearchSettingsInput } from '../../core/api/search.types';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';
import { ConfirmData, ConfirmDialog } from '../../ui/dialog/confirm.dialog';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import {
  parseWordList,
  rowsToSynonyms,
  SettingsFormValue,
  settingsProblems,
  SynonymRow,
  synonymRows,
  toSettingsInput,
} from './settings-form';

type RowGroup = FormGroup<{ word: FormControl<string>; equivalents: FormControl<string> }>;

/** Per-owner search settings: synonyms, stop words, typo tolerance and field weights. */
@Component({
  selector: 'app-search-settings-page',
  imports: [
    ReactiveFormsModule,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    AsyncStateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-settings.page.html',
  styleUrl: './search-settings.page.scss',
})
export default class SearchSettingsPage {
  private readonly api = inject(SearchApiService);
  private readonly dialog = inject(MatDialog);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly userId = inject(SessionService).requireUserId();

  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly savedAt = signal<string | null>(null);
  protected readonly updatedAt = signal<string | null>(null);
  protected readonly stopWords = signal<string[]>([]);
  protected readonly rowErrors = signal<Map<number, string>>(new Map());
  protected readonly problems = signal<string[]>([]);

  protected readonly form = this.fb.group({
    rows: this.fb.array<RowGroup>([]),
    typoEnabled: [true],
    oneTypo: [5],
    twoTypos: [9],
    titleWeight: [1],
    descriptionWeight: [1],
    tagsWeight: [1],
  });
  private readonly typoEnabled = toSignal(
    this.form.controls.typoEnabled.valueChanges.pipe(startWith(this.form.controls.typoEnabled.value)),
  );
  protected readonly typoOff = computed(() => this.typoEnabled() === false);

  constructor() {
    this.load();
    // Any edit makes the last confirmation stale.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.savedAt.set(null));
  }

  protected get rows(): FormArray<RowGroup> {
    return this.form.controls.rows;
  }

  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.settings(this.userId).subscribe({
      next: (settings) => {
        this.apply(settings);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadError.set(errorMessage(error));
        this.loading.set(false);
      },
    });
  }

  protected addRow(row: SynonymRow = { word: '', equivalents: '' }): void {
    this.rows.push(this.fb.group({ word: this.fb.control(row.word), equivalents: this.fb.control(row.equivalents) }));
  }

  protected removeRow(index: number): void {
    this.rows.removeAt(index);
    this.rowErrors.set(new Map());
  }

  /** Enter or a comma turns the typed text into chips; pasted lists are split on commas. */
  protected stopWordKey(event: KeyboardEvent): void {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      this.addStopWords(input);
    } else if (event.key === 'Backspace' && !input.value && this.stopWords().length > 0) {
      this.stopWords.update((words) => words.slice(0, -1));
      this.savedAt.set(null);
    }
  }

  protected addStopWords(input: HTMLInputElement): void {
    const added = parseWordList(input.value.toLowerCase());
    input.value = '';
    if (added.length === 0) {
      return;
    }
    this.stopWords.update((words) => parseWordList([...words, ...added].join(',')));
    this.savedAt.set(null);
  }

  protected removeStopWord(word: string): void {
    this.stopWords.update((words) => words.filter((candidate) => candidate !== word));
    this.savedAt.set(null);
  }

  protected save(): void {
    const value = this.formValue();
    const { synonyms, errors } = rowsToSynonyms(value.rows);
    const problems = settingsProblems(value);
    this.rowErrors.set(errors);
    this.problems.set(problems);
    this.saveError.set(null);
    if (errors.size > 0 || problems.length > 0) {
      return;
    }
    this.put(toSettingsInput(value, synonyms));
  }

  protected resetToDefaults(): void {
    this.dialog
      .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, {
        data: {
          title: 'Reset search settings?',
          message: 'Synonyms and stop words are removed; typo tolerance and field weights go back to the defaults.',
          confirmLabel: 'Reset',
        },
      })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.put({}));
  }

  private put(body: Partial<SearchSettingsInput>): void {
    this.saving.set(true);
    this.saveError.set(null);
    this.api.saveSettings(this.userId, body).subscribe({
      next: (settings) => {
        this.apply(settings);
        this.saving.set(false);
        this.savedAt.set(settings.updated_at ?? new Date().toISOString());
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(errorMessage(error));
      },
    });
  }

  private apply(settings: SearchSettings): void {
    this.rows.clear({ emitEvent: false });
    for (const row of synonymRows(settings.synonyms ?? {})) {
      this.addRow(row);
    }
    if (this.rows.length === 0) {
      this.addRow();
    }
    this.stopWords.set([...(settings.stop_words ?? [])]);
    this.form.patchValue(
      {
        typoEnabled: settings.typo_tolerance.enabled,
        oneTypo: settings.typo_tolerance.min_word_size_one_typo,
        twoTypos: settings.typo_tolerance.min_word_size_two_typos,
        titleWeight: settings.field_weights.title,
        descriptionWeight: settings.field_weights.description,
        tagsWeight: settings.field_weights.tags,
      },
      { emitEvent: true },
    );
    this.form.markAsPristine();
    this.rowErrors.set(new Map());
    this.problems.set([]);
    this.updatedAt.set(settings.updated_at ?? null);
  }

  private formValue(): SettingsFormValue {
    const raw = this.form.getRawValue();
    return {
      rows: raw.rows,
      stopWords: this.stopWords(),
      typoEnabled: raw.typoEnabled,
      oneTypo: Number(raw.oneTypo),
      twoTypos: Number(raw.twoTypos),
      titleWeight: Number(raw.titleWeight),
      descriptionWeight: Number(raw.descriptionWeight),
      tagsWeight: Number(raw.tagsWeight),
    };
  }
}
