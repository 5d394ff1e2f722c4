/** Keyboard model of the suggestions dropdown under the search box (an ARIA combobox with a listbox). */
export interface SuggestionState {
  open: boolean;
  /** Index of the highlighted option, -1 when none. */
  active: number;
}

export type SuggestionAction =
  | { type: 'none' }
  | { type: 'pick'; index: number }
  /** Enter with no option highlighted: search the text as typed, now. */
  | { type: 'submit' };

export interface SuggestionKeyResult {
  state: SuggestionState;
  action: SuggestionAction;
  /** True when the key was used, so the caller prevents its default (caret moves, form submit). */
  handled: boolean;
}

export const CLOSED: SuggestionState = { open: false, active: -1 };

export function suggestionKey(state: SuggestionState, key: string, count: number): SuggestionKeyResult {
  const none: SuggestionAction = { type: 'none' };
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      if (count === 0) {
        return { state, action: none, handled: false };
      }
      const down = key === 'ArrowDown';
      if (!state.open) {
        return { state: { open: true, active: down ? 0 : count - 1 }, action: none, handled: true };
      }
      const active = down
        ? state.active >= count - 1
          ? 0
          : state.active + 1
        : state.active <= 0
          ? count - 1
          : state.active - 1;
      return { state: { open: true, active }, action: none, handled: true };
    }
    case 'Enter':
      if (state.open && state.active >= 0 && state.active < count) {
        return { state: CLOSED, action: { type: 'pick', index: state.active }, handled: true };
      }
      return { state: CLOSED, action: { type: 'submit' }, handled: true };
    case 'Escape':
      return state.open ? { state: CLOSED, action: none, handled: true } : { state, action: none, handled: false };
    case 'Tab':
      return { state: CLOSED, action: none, handled: false };
    default:
      return { state, action: none, handled: false };
  }
}

/**
 * The query after picking a suggestion: a completion of the whole text (a past query, or a word of a one-word
 * query) replaces it; a word completing the last word replaces only that word.
 */
export function applySuggestion(query: string, suggestion: string): string {
  const typed = query.trimStart();
  if (suggestion.toLowerCase().startsWith(typed.trim().toLowerCase()) || !/\s/.test(typed.trim())) {
    return suggestion;
  }
  const lastSpace = typed.search(/\S+\s*$/);
  return `${typed.slice(0, lastSpace)}${suggestion}`;
}
