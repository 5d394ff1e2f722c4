import { BadRequestException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUniqueViolation } from '../database/unique-violation';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { looksLikeApiKey } from './api-keys/api-key-secret';
import { ApiKeysService } from './api-keys/api-keys.service';
import type { AuthenticatedUser } from './authenticated-user';
import { CredentialCache } from './credentials/credential-cache';
import { AuthResponseDto, LoginDto, MeResponseDto, RegisterDto, UserDto } from './dto/auth.dto';
import { PasswordHasher } from './password-hasher';

interface JwtClaims {
  sub: string;
  email: string;
  /** Expiry, in seconds since the epoch (set by jsonwebtoken from JWT_EXPIRES_IN). */
  exp?: number;
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
   * Resolves a bearer credential (JWT or API key) to its caller, or null when it is not valid.
   * Shared by the HTTP guard and the Socket.IO handshake.
   */
  async authenticateToken(token: string): Promise<AuthenticatedUser | null> {
    if (looksLikeApiKey(token)) {
      return this.apiKeys.authenticate(token);
    }
    // A JWT cannot be revoked before it expires, so its verification holds until then.
    const cached = this.cache.get(token);
    if (cached) {
      return cached;
    }
    try {
      const claims = await this.jwt.verifyAsync<JwtClaims>(token, { algorithms: ['HS256'] });
      const id = Number(claims.sub);
      if (!Number.isSafeInteger(id) || id < 1 || typeof claims.email !== 'string') {
        return null;
      }
      const caller = { id, email: claims.email, apiKeyId: null };
      this.cache.set(token, caller, claims.exp === undefined ? undefined : claims.exp * 1000);
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
