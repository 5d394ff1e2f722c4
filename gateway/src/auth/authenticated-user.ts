/** The caller of a request, set on `request.user` by the global authentication guard. */
export interface AuthenticatedUser {
  id: number;
  email: string;
  /** Set when the caller authenticated with an API key rather than a JWT. */
  apiKeyId: string | null;
}
