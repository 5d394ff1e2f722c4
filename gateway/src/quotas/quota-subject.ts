/** Whose counters a request is charged to. */
export type QuotaScope = 'user' | 'api_key' | 'ip';

export interface QuotaLimits {
  perMinute: number;
  /** Null: the subject has a rate limit only (public routes, counted per IP). */
  daily: number | null;
  monthly: number | null;
}

export interface QuotaSubject {
  scope: QuotaScope;
  id: string;
  limits: QuotaLimits;
}
