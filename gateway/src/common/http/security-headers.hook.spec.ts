import { SECURITY_HEADER_OPTIONS, securityHeaders } from './security-headers.hook';

describe(securityHeaders.name, () => {
  it("holds helmet's headers for the gateway's options, computed once", () => {
    const headers = securityHeaders(SECURITY_HEADER_OPTIONS);

    expect(headers['Content-Security-Policy']).toContain("default-src 'self'");
    expect(headers['Content-Security-Policy']).toContain("connect-src 'self' ws: wss:");
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'SAMEORIGIN',
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
      'Referrer-Policy': 'no-referrer',
    });
    expect(headers['X-Powered-By']).toBeUndefined();
  });
});
