import { applySuggestion, CLOSED, suggestionKey } from './suggestions';

describe('suggestionKey', () => {
  it('opens on an arrow and wraps around the options', () => {
    let result = suggestionKey(CLOSED, 'ArrowDown', 3);
    expect(result.state).toEqual({ open: true, active: 0 });
    expect(result.handled).toBe(true);
    result = suggestionKey({ open: true, active: 2 }, 'ArrowDown', 3);
    expect(result.state.active).toBe(0);
    result = suggestionKey({ open: true, active: 0 }, 'ArrowUp', 3);
    expect(result.state.active).toBe(2);
    expect(suggestionKey(CLOSED, 'ArrowUp', 3).state).toEqual({ open: true, active: 2 });
  });

  it('ignores arrows without options', () => {
    expect(suggestionKey(CLOSED, 'ArrowDown', 0)).toEqual({ state: CLOSED, action: { type: 'none' }, handled: false });
  });

  it('picks the highlighted option on Enter, or submits the typed text', () => {
    expect(suggestionKey({ open: true, active: 1 }, 'Enter', 3)).toEqual({
      state: CLOSED,
      action: { type: 'pick', index: 1 },
      handled: true,
    });
    expect(suggestionKey({ open: true, active: -1 }, 'Enter', 3).action).toEqual({ type: 'submit' });
    expect(suggestionKey({ open: true, active: 5 }, 'Enter', 3).action).toEqual({ type: 'submit' });
  });

  it('closes on Escape, and lets Escape through when already closed', () => {
    expect(suggestionKey({ open: true, active: 1 }, 'Escape', 3)).toEqual({
      state: CLOSED,
      action: { type: 'none' },
      handled: true,
    });
    expect(suggestionKey(CLOSED, 'Escape', 3).handled).toBe(false);
  });

  it('closes on Tab without keeping focus, and ignores other keys', () => {
    expect(suggestionKey({ open: true, active: 0 }, 'Tab', 3)).toEqual({
      state: CLOSED,
      action: { type: 'none' },
      handled: false,
    });
    expect(suggestionKey({ open: true, active: 0 }, 'a', 3).state).toEqual({ open: true, active: 0 });
  });
});

describe('applySuggestion', () => {
  it('replaces the text with a completion of all of it', () => {
    expect(applySuggestion('carb', 'carbonara')).toBe('carbonara');
    expect(applySuggestion('pasta gar', 'pasta garlic')).toBe('pasta garlic');
  });

  it('replaces only the last word with a word completing it', () => {
    expect(applySuggestion('pasta gar', 'garlic')).toBe('pasta garlic');
    expect(applySuggestion('  quick  bre', 'bread')).toBe('quick  bread');
  });
});
