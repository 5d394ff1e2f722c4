import { sanitizeHighlight } from './safe-highlight';

describe('sanitizeHighlight', () => {
  it('keeps mark elements and text', () => {
    expect(sanitizeHighlight('A <mark>cooking</mark> show')).toBe('A <mark>cooking</mark> show');
  });

  it('keeps escaped text escaped', () => {
    expect(sanitizeHighlight('Tom &amp; <mark>Jerry</mark> &lt;b&gt;')).toBe('Tom &amp; <mark>Jerry</mark> &lt;b&gt;');
  });

  it('drops every other element and attribute but keeps its text', () => {
    const dirty = '<img src=x onerror="alert(1)"><mark onclick="x()">hit</mark><script>alert(2)</script><b>bold</b>';
    expect(sanitizeHighlight(dirty)).toBe('<mark>hit</mark>alert(2)bold');
  });

  it('returns an empty string for empty input', () => {
    expect(sanitizeHighlight(null)).toBe('');
    expect(sanitizeHighlight('')).toBe('');
  });
});
