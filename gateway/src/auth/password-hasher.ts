import { Injectable } from '@nestjs/common';
import { compare, hash } from 'bcryptjs';

// Cost 10 keeps a hash near 60-80 ms on this hardware (pure-JS bcryptjs): slow enough to make
// offline guessing expensive, fast enough that login and the e2e suites are not bound by it.
// Each +1 doubles the time; 12 makes every registration and login about 4x slower.
const BCRYPT_COST = 10;

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, BCRYPT_COST);
  }

  verify(password: string, passwordHash: string): Promise<boolean> {
    return compare(password, passwordHash);
  }
}
