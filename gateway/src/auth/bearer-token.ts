/** Extracts the credential from an `Authorization: Bearer <token>` header value. */
export function parseBearerToken(header: string | undefined): string | null {
  if (!header) {
    return null;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
