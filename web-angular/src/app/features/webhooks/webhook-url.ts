import { AbstractControl, ValidationErrors } from '@angular/forms';

export const MAX_URL_LENGTH = 2000;

/**
 * The form checks of the gateway that need no lookup: an absolute http(s) URL without credentials. Whether the
 * host is public (and http allowed) only the gateway can tell; its refusal is shown as it words it.
 */
export function webhookUrlProblem(raw: string): string | null {
  const value = raw.trim();
  if (!value) {
    return 'Enter the URL that should receive the events';
  }
  if (value.length > MAX_URL_LENGTH) {
    return `The URL must be at most ${MAX_URL_LENGTH} characters`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter an absolute URL such as https://example.com/hooks/video-search';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The URL must start with https://';
  }
  if (url.username || url.password) {
    return 'The URL must not contain a user name or password';
  }
  return null;
}

export function webhookUrlValidator(control: AbstractControl<string>): ValidationErrors | null {
  const problem = webhookUrlProblem(control.value ?? '');
  return problem ? { webhookUrl: problem } : null;
}
