import { randomUUID } from 'node:crypto';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. The time lets a replica tell a job
 * that another replica may not have written yet from one that does not exist, and keeps inserts into the primary
 * key's B-tree close together. The random part comes from `randomUUID`, whose variant bits are already right.
 */
export function newJobId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

/** When a job id made by `newJobId` was made (Unix ms), or null for ids of another form. */
export function jobIdTime(id: string): number | null {
  if (!UUID_V7.test(id)) {
    return null;
  }
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
