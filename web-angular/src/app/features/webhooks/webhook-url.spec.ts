import { FormControl } from '@angular/forms';
import { MAX_URL_LENGTH, webhookUrlProblem, webhookUrlValidator } from './webhook-url';

describe('webhook URL checks', () => {
  it('accepts an absolute http or https URL', () => {
    expect(webhookUrlProblem(' https://example.com/hooks ')).toBeNull();
    expect(webhookUrlProblem('http://localhost:4000/hook')).toBeNull();
  });

  it('asks for a URL, an absolute one, with an http(s) scheme and no credentials', () => {
    expect(webhookUrlProblem('  ')).toBe('Enter the URL that should receive the events');
    expect(webhookUrlProblem('/hooks')).toMatch(/^Enter an absolute URL/);
    expect(webhookUrlProblem('ftp://example.com/hooks')).toBe('The URL must start with https://');
    expect(webhookUrlProblem('https://user:secret@example.com/')).toBe(
      'The URL must not contain a user name or password',
    );
  });

  it('bounds the length as the gateway does', () => {
    const long = `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`;
    expect(webhookUrlProblem(long)).toBe(`The URL must be at most ${MAX_URL_LENGTH} characters`);
  });

  it('reports the problem as the form error', () => {
    expect(webhookUrlValidator(new FormControl('nope', { nonNullable: true }))).toEqual({
      webhookUrl: 'Enter an absolute URL such as https://example.com/hooks/video-search',
    });
    expect(webhookUrlValidator(new FormControl('https://example.com', { nonNullable: true }))).toBeNull();
  });
});
