/** What a credential may do; a JWT from a password login may do everything. */
export const PERMISSIONS = ['search', 'videos:read', 'videos:write', 'analytics:read', 'keys:manage'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Filters a search token forces on every search it makes (the REST names of the search filters). */
export interface ForcedSearchFilters {
  video_ids?: number[];
  tags?: string[];
  tags_all?: string[];
  tags_not?: string[];
  min_duration?: number;
  max_duration?: number;
  created_after?: string;
  created_before?: string;
}

/** The caller of a request, set on `request.user` by the global authentication guard. */
export interface AuthenticatedUser {
  id: number;
  email: string;
  /** Set when the caller authenticated with an API key rather than a JWT. */
  apiKeyId: string | null;
  permissions: readonly Permission[];
  /** Set when the caller is a search token: it may only search, and always with these filters. */
  forcedFilters: ForcedSearchFilters | null;
}
