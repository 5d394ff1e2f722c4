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
  /** The user charged (the key's owner for API keys); absent for IP subjects. */
  ownerId?: number;
}

/** A daily or monthly quota reached 80 % or 100 % with this request (reported once per counter). */
export interface QuotaThresholdCrossing {
  ownerId: number;
  subject: { scope: QuotaScope; id: string };
  window: { kind: 'day' | 'month'; id: string };
  used: number;
  limit: number;
  threshold: 80 | 100;
}
