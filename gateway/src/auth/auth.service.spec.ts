import { BadRequestException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { QueryFailedError } from 'typeorm';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { ApiKeysService } from './api-keys/api-keys.service';
import type { AuthConfig } from './auth.config';
import { AuthService } from './auth.service';
import { PERMISSIONS } from './authenticated-user';
import { CredentialCache } from './credentials/credential-cache';
import { PasswordHasher } from './password-hasher';

const SECRET = 'unit-test-secret-unit-test-secret-0123';

function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 7,
    email: 'ada@example.com',
    name: 'Ada',
    passwordHash: 'hash',
    createdAt: new Date('2026-11-26T10:00:00Z'),
    ...overrides,
  };
}

/**
 * Runs `read` with `Date.now()` at `epochMs`. Expiry is tested by moving the clock rather than waiting: a token's
 * times are whole seconds, so a token issued for one second may have less than a millisecond left.
 */
async function atClock<T>(epochMs: number, read: () => Promise<T>): Promise<T> {
  const clock = jest.spyOn(Date, 'now').mockReturnValue(epochMs);
  try {
    return await read();
  } finally {
    clock.mockRestore();
  }
}

describe(AuthService.name, () => {
  let sut: AuthService;
  let users: jest.Mocked<Pick<UsersRepository, 'findByEmail' | 'findById' | 'create'>>;
  let passwords: jest.Mocked<PasswordHasher>;
  let apiKeys: jest.Mocked<Pick<ApiKeysService, 'authenticate' | 'expiryOf'>>;
  let jwt: JwtService;

  beforeEach(() => {
    users = { findByEmail: jest.fn(), findById: jest.fn(), create: jest.fn() };
    passwords = { hash: jest.fn().mockResolvedValue('hashed'), verify: jest.fn() };
    apiKeys = { authenticate: jest.fn(), expiryOf: jest.fn() };
    jwt = new JwtService({ secret: SECRET, signOptions: { expiresIn: '1h' } });
    const cache = new CredentialCache({ credentialCacheMax: 100, credentialCacheTtlMs: 60_000 } as AuthConfig);
    sut = new AuthService(
      users as unknown as UsersRepository,
      passwords,
      jwt,
      apiKeys as unknown as ApiKeysService,
      cache,
    );
  });

  describe('register', () => {
    it('hashes the password, stores the user and returns a token for it', async () => {
      users.findByEmail.mockResolvedValue(null);
      users.create.mockResolvedValue(makeUser({ passwordHash: 'hashed' }));

      const result = await sut.register({ email: 'ada@example.com', password: 'analytical', name: 'Ada' });

      expect(passwords.hash).toHaveBeenCalledWith('analytical');
      expect(users.create).toHaveBeenCalledWith({ email: 'ada@example.com', name: 'Ada', passwordHash: 'hashed' });
      expect(result.user).toEqual({ id: 7, email: 'ada@example.com', name: 'Ada' });
      await expect(sut.authenticateToken(result.token)).resolves.toEqual({
        id: 7,
        email: 'ada@example.com',
        apiKeyId: null,
        permissions: PERMISSIONS,
        forcedFilters: null,
      });
    });

    it('defaults the name to an empty string', async () => {
      users.findByEmail.mockResolvedValue(null);
      users.create.mockResolvedValue(makeUser({ name: '' }));

      await sut.register({ email: 'ada@example.com', password: 'analytical' });

      expect(users.create).toHaveBeenCalledWith(expect.objectContaining({ name: '' }));
    });

    it('rejects a taken e-mail without hashing', async () => {
      users.findByEmail.mockResolvedValue(makeUser());

      await expect(sut.register({ email: 'ada@example.com', password: 'analytical' })).rejects.toThrow(
        new BadRequestException('Email already registered'),
      );
      expect(passwords.hash).not.toHaveBeenCalled();
    });

    it('turns a unique violation from a concurrent registration into the same 400', async () => {
      users.findByEmail.mockResolvedValue(null);
      users.create.mockRejectedValue(
        new QueryFailedError('INSERT', [], Object.assign(new Error('UNIQUE'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })),
      );

      await expect(sut.register({ email: 'ada@example.com', password: 'analytical' })).rejects.toThrow(
        'Email already registered',
      );
    });
  });

  describe('login', () => {
    it('returns the user and a token when the password matches', async () => {
      users.findByEmail.mockResolvedValue(makeUser());
      passwords.verify.mockResolvedValue(true);

      const result = await sut.login({ email: 'ada@example.com', password: 'analytical' });

      expect(passwords.verify).toHaveBeenCalledWith('analytical', 'hash');
      expect(result.user.id).toBe(7);
    });

    it('rejects a wrong password', async () => {
      users.findByEmail.mockResolvedValue(makeUser());
      passwords.verify.mockResolvedValue(false);

      await expect(sut.login({ email: 'ada@example.com', password: 'nope' })).rejects.toThrow(
        new UnauthorizedException('Invalid credentials'),
      );
    });

    it('still spends a bcrypt comparison on an unknown e-mail, then rejects', async () => {
      users.findByEmail.mockResolvedValue(null);
      passwords.verify.mockResolvedValue(false);

      await expect(sut.login({ email: 'nobody@example.com', password: 'x' })).rejects.toThrow('Invalid credentials');
      expect(passwords.verify).toHaveBeenCalledWith('x', expect.stringMatching(/^\$2[aby]\$10\$/));
    });
  });

  describe('me', () => {
    it('returns the stored user', async () => {
      users.findById.mockResolvedValue(makeUser());

      await expect(sut.me(7)).resolves.toEqual({ user: { id: 7, email: 'ada@example.com', name: 'Ada' } });
    });

    it('is a 404 when the user no longer exists', async () => {
      users.findById.mockResolvedValue(null);

      await expect(sut.me(7)).rejects.toThrow(NotFoundException);
    });
  });

  describe('authenticateToken', () => {
    it('delegates API keys to the API key service', async () => {
      const caller = {
        id: 7,
        email: 'ada@example.com',
        apiKeyId: 'key-1',
        permissions: ['search' as const],
        forcedFilters: null,
      };
      apiKeys.authenticate.mockResolvedValue(caller);

      await expect(sut.authenticateToken('imaginario_live_abc')).resolves.toEqual(caller);
      expect(apiKeys.authenticate).toHaveBeenCalledWith('imaginario_live_abc');
    });

    it('rejects a JWT signed with another secret', async () => {
      const forged = await new JwtService({ secret: 'another-secret-another-secret-0123' }).signAsync({
        sub: '7',
        email: 'ada@example.com',
      });

      await expect(sut.authenticateToken(forged)).resolves.toBeNull();
    });

    it('rejects an expired JWT', async () => {
      const expired = await jwt.signAsync({ sub: '7', email: 'ada@example.com' }, { expiresIn: -10 });

      await expect(sut.authenticateToken(expired)).resolves.toBeNull();
    });

    it('rejects a JWT whose subject is not a user id', async () => {
      const odd = await jwt.signAsync({ sub: 'admin', email: 'ada@example.com' });

      await expect(sut.authenticateToken(odd)).resolves.toBeNull();
    });

    it('rejects garbage', async () => {
      await expect(sut.authenticateToken('not.a.jwt')).resolves.toBeNull();
      expect(apiKeys.authenticate).not.toHaveBeenCalled();
    });

    it('verifies a JWT once and answers it from memory afterwards', async () => {
      const token = await jwt.signAsync({ sub: '7', email: 'ada@example.com' });
      const verify = jest.spyOn(jwt, 'verifyAsync');

      await sut.authenticateToken(token);
      await expect(sut.authenticateToken(token)).resolves.toMatchObject({ id: 7, apiKeyId: null });
      expect(verify).toHaveBeenCalledTimes(1);
    });

    it('stops answering a remembered JWT once it expires', async () => {
      const issuedAt = Math.floor(Date.now() / 1000);
      const token = await jwt.signAsync({ sub: '7', email: 'ada@example.com', iat: issuedAt }, { expiresIn: 60 });
      await expect(sut.authenticateToken(token)).resolves.not.toBeNull();

      await expect(atClock((issuedAt + 60) * 1000, () => sut.authenticateToken(token))).resolves.toBeNull();
    });
  });

  describe('expiryOf', () => {
    it("reads a JWT's expiry from its exp claim", async () => {
      const token = await jwt.signAsync({ sub: '7', email: 'ada@example.com' }, { expiresIn: 600 });
      const caller = await sut.authenticateToken(token);
      const { exp } = jwt.decode<{ exp: number }>(token);

      await expect(sut.expiryOf(caller!, token)).resolves.toEqual(new Date(exp * 1000));
    });

    it("asks the API key service for a key's expires_at", async () => {
      const expiresAt = new Date('2027-01-01T00:00:00Z');
      apiKeys.expiryOf.mockResolvedValue(expiresAt);
      const caller = { id: 7, email: 'ada@example.com', apiKeyId: 'k1', permissions: PERMISSIONS, forcedFilters: null };

      await expect(sut.expiryOf(caller, 'imaginario_live_secret')).resolves.toBe(expiresAt);
      expect(apiKeys.expiryOf).toHaveBeenCalledWith('k1', 7);
    });
  });

  describe('authenticateRequest', () => {
    it('gives a login JWT every permission and no forced filters', async () => {
      const token = await jwt.signAsync({ sub: '7', email: 'ada@example.com' });

      await expect(sut.authenticateRequest(token)).resolves.toEqual({
        id: 7,
        email: 'ada@example.com',
        apiKeyId: null,
        permissions: PERMISSIONS,
        forcedFilters: null,
      });
    });

    it('answers 401 API key expired for an expired key', async () => {
      apiKeys.authenticate.mockResolvedValue('expired');

      await expect(sut.authenticateRequest('imaginario_live_old')).rejects.toThrow(
        new UnauthorizedException('API key expired'),
      );
    });

    it('refuses a JWT of an unknown type', async () => {
      const odd = await jwt.signAsync({ sub: '7', email: 'ada@example.com', typ: 'refresh' });

      await expect(sut.authenticateRequest(odd)).resolves.toBeNull();
    });
  });

  describe('search tokens', () => {
    const owner = {
      id: 7,
      email: 'ada@example.com',
      apiKeyId: null,
      permissions: PERMISSIONS,
      forcedFilters: null,
    };

    it('authenticate with the search permission only and their filters forced', async () => {
      const issued = await sut.issueSearchToken(owner, 600, { tags: ['pasta'], max_duration: 300 });

      expect(issued.expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
      expect(issued.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 600_000);
      await expect(sut.authenticateRequest(issued.token)).resolves.toEqual({
        id: 7,
        email: 'ada@example.com',
        apiKeyId: null,
        permissions: ['search'],
        forcedFilters: { tags: ['pasta'], max_duration: 300 },
      });
    });

    it('are a distinct type of token, so a login token never carries forced filters', async () => {
      const issued = await sut.issueSearchToken(owner, 600, {});
      const claims = jwt.decode<{ typ?: string }>(issued.token);

      expect(claims.typ).toBe('search');
      await expect(sut.authenticateRequest(issued.token)).resolves.toMatchObject({ forcedFilters: {} });
    });

    it('are refused by the realtime handshake', async () => {
      const issued = await sut.issueSearchToken(owner, 600, {});

      await expect(sut.authenticateToken(issued.token)).resolves.toBeNull();
    });

    it('stop authenticating once they expire', async () => {
      const issued = await sut.issueSearchToken(owner, 60, {});
      await expect(sut.authenticateRequest(issued.token)).resolves.not.toBeNull();

      await expect(
        atClock(issued.expiresAt.getTime(), () => sut.authenticateRequest(issued.token)),
      ).resolves.toBeNull();
    });
  });
});
