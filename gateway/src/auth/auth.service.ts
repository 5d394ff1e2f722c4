import { BadRequestException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUniqueViolation } from '../database/unique-violation';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { looksLikeApiKey } from './api-keys/api-key-secret';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthenticatedUser, ForcedSearchFilters, PERMISSIONS } from './authenticated-user';
import { CredentialCache } from './credentials/credential-cache';
import { AuthResponseDto, LoginDto, MeResponseDto, RegisterDto, UserDto } from './dto/auth.dto';
import { PasswordHasher } from './password-hasher';

interface JwtClaims {
  sub: string;
  email: string;
  /** Absent on login tokens; `search` on search tokens. Any other type is refused. */
  typ?: string;
  /** A search token's forced filters. */
  filters?: ForcedSearchFilters;
  /** Expiry, in seconds since the epoch (set by jsonwebtoken from JWT_EXPIRES_IN or expires_in). */
  exp?: number;
}

/** The `typ` claim of search tokens; login tokens carry none, so neither can pass for the other. */
export const SEARCH_TOKEN_TYPE = 'search';

export interface IssuedSearchToken {
  token: string;
  expiresAt: Date;
}

// Compared against when the e-mail is unknown, so a failed login takes as long either way.
const TIMING_DUMMY_HASH = '$2b$10$/TPX8hZojn2F7Mq8khYtOOHNbTa9dgwAQo0n.pmWTIYgpQKamPFbu';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly apiKeys: ApiKeysService,
    private readonly cache: CredentialCache,
  ) {}

  async register(dto: RegisterDto): Promise<AuthResponseDto> {
    if (await this.users.findByEmail(dto.email)) {
      throw new BadRequestException('Email already registered');
    }
    const passwordHash = await this.passwords.hash(dto.password);
    let user: User;
    try {
      user = await this.users.create({ email: dto.email, name: dto.name ?? '', passwordHash });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new BadRequestException('Email already registered');
      }
      throw error;
    }
    return { user: this.map(user), token: await this.issueToken(user) };
  }

  async login(dto: LoginDto): Promise<AuthResponseDto> {
    const user = await this.users.findByEmail(dto.email);
    const matches = await this.passwords.verify(dto.password, user?.passwordHash ?? TIMING_DUMMY_HASH);
    if (!user || !matches) {
      throw new UnauthorizedException('Invalid credentials');
    }
    return { user: this.map(user), token: await this.issueToken(user) };
  }

  async me(userId: number): Promise<MeResponseDto> {
    const user = await this.users.findById(userId);
    if (!user) {
      throw new NotFoundException('User not found');
    }
    return { user: this.map(user) };
  }

  /**
   * Resolves a bearer credential (JWT, search token or API key) of an HTTP request to its caller,
   * or null when it is not valid. An expired API key is a 401 of its own (`API key expired`).
   */
  async authenticateRequest(token: string): Promise<AuthenticatedUser | null> {
    if (looksLikeApiKey(token)) {
      const outcome = await this.apiKeys.authenticate(token);
      if (outcome === 'expired') {
        throw new UnauthorizedException('API key expired');
      }
      return outcome;
    }
    return this.authenticateJwt(token);
  }

  /**
   * The caller of a Socket.IO handshake, or null when the credential is not valid. Search tokens
   * are for searches over HTTP only: the event stream is not filtered, so they are refused here.
   */
  async authenticateToken(token: string): Promise<AuthenticatedUser | null> {
    if (looksLikeApiKey(token)) {
      const outcome = await this.apiKeys.authenticate(token);
      return outcome === 'expired' ? null : outcome;
    }
    const caller = await this.authenticateJwt(token);
    return caller && caller.forcedFilters === null ? caller : null;
  }

  /**
   * When a credential verified by authenticateToken stops being valid (a JWT's `exp`, an API key's `expires_at`),
   * for a session that outlives the request that opened it; null when it does not expire.
   */
  async expiryOf(caller: AuthenticatedUser, token: string): Promise<Date | null> {
    if (caller.apiKeyId) {
      return this.apiKeys.expiryOf(caller.apiKeyId, caller.id);
    }
    const exp = this.jwt.decode<{ exp?: unknown } | null>(token)?.exp;
    return typeof exp === 'number' ? new Date(exp * 1000) : null;
  }

  /** A signed search token for the caller: it may only search, always with `filters` applied. */
  async issueSearchToken(
    caller: AuthenticatedUser,
    expiresInSeconds: number,
    filters: ForcedSearchFilters,
  ): Promise<IssuedSearchToken> {
    const claims: JwtClaims = { sub: String(caller.id), email: caller.email, typ: SEARCH_TOKEN_TYPE, filters };
    const token = await this.jwt.signAsync(claims, { expiresIn: expiresInSeconds });
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  private async authenticateJwt(token: string): Promise<AuthenticatedUser | null> {
    // A JWT cannot be revoked before it expires, so its verification holds until then.
    const cached = this.cache.get(token);
    if (cached) {
      return cached;
    }
    try {
      const claims = await this.jwt.verifyAsync<JwtClaims>(token, { algorithms: ['HS256'] });
      const caller = callerOf(claims);
      if (caller) {
        this.cache.set(token, caller, claims.exp === undefined ? undefined : claims.exp * 1000);
      }
      return caller;
    } catch {
      return null;
    }
  }

  private issueToken(user: User): Promise<string> {
    const claims: JwtClaims = { sub: String(user.id), email: user.email };
    return this.jwt.signAsync(claims);
  }

  private map(user: User): UserDto {
    return { id: user.id, email: user.email, name: user.name };
  }
}

/** The caller a verified token names: a login (every permission) or a search token (search only). */
function callerOf(claims: JwtClaims): AuthenticatedUser | null {
  const id = Number(claims.sub);
  if (!Number.isSafeInteger(id) || id < 1 || typeof claims.email !== 'string') {
    return null;
  }
  if (claims.typ === undefined) {
    return { id, email: claims.email, apiKeyId: null, permissions: PERMISSIONS, forcedFilters: null };
  }
  if (claims.typ !== SEARCH_TOKEN_TYPE || typeof claims.filters !== 'object' || claims.filters === null) {
    return null;
  }
  return { id, email: claims.email, apiKeyId: null, permissions: ['search'], forcedFilters: claims.filters };
}
