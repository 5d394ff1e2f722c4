import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { ApiError, errorMessage, toApiError } from './api-error';

describe('toApiError', () => {
  it('uses the API error text and status', () => {
    const error = toApiError(new HttpErrorResponse({ status: 400, error: { error: 'Title is required' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('Title is required');
    expect(error.status).toBe(400);
  });

  it('joins a list of validation messages', () => {
    const error = toApiError(new HttpErrorResponse({ status: 400, error: { error: ['title too long', 'bad tag'] } }));
    expect(error.message).toBe('title too long; bad tag');
  });

  it('falls back to a readable sentence when the body is HTML or missing', () => {
    expect(toApiError(new HttpErrorResponse({ status: 0 })).message).toMatch(/Cannot reach the server/);
    expect(toApiError(new HttpErrorResponse({ status: 502, error: '<html>bad gateway</html>' })).message).toMatch(
      /HTTP 502/,
    );
  });

  it('keeps Retry-After for rate limits and service outages', () => {
    const error = toApiError(
      new HttpErrorResponse({
        status: 503,
        error: { error: 'Search service unavailable', retry_after: 5 },
        headers: new HttpHeaders({ 'Retry-After': '5' }),
      }),
    );
    expect(error.retryAfterSeconds).toBe(5);
    expect(errorMessage(error)).toBe('Search service unavailable (retry in 5 s)');
  });
});

describe('errorMessage', () => {
  it('reads plain errors and unknown values', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('weird')).toBe('Something went wrong. Please try again.');
  });
});
