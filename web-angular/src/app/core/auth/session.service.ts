import { computed, Injectable, signal } from '@angular/core';
import { AuthResponse, User } from '../api/api.types';

const STORAGE_KEY = 'vsp.session';

interface StoredSession {
  token: string;
  user: User;
}

/** The signed-in user and their JWT, kept in sessionStorage so a tab keeps its session across reloads only. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly session = signal<StoredSession | null>(readStoredSession());

  readonly token = computed(() => this.session()?.token ?? null);
  readonly user = computed(() => this.session()?.user ?? null);
  readonly isAuthenticated = computed(() => this.session() !== null);

  start(auth: AuthResponse): void {
    const session: StoredSession = { token: auth.token, user: auth.user };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.session.set(session);
  }

  end(): void {
    sessionStorage.removeItem(STORAGE_KEY);
    this.session.set(null);
  }

  /** The signed-in user's id; callers are behind the auth guard, so a missing session is a bug. */
  requireUserId(): number {
    const user = this.user();
    if (!user) {
      throw new Error('Not signed in');
    }
    return user.id;
  }
}

function readStoredSession(): StoredSession | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) {
    return null;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    return typeof parsed.token === 'string' && parsed.user ? { token: parsed.token, user: parsed.user } : null;
  } catch {
    return null;
  }
}
