import type { RedisClient } from '../redis/redis-connections';
import { CounterIncrement, CounterStore } from './counter-store';

// Atomic on the server, so gateways sharing Redis never over-admit: INCR each key in order, set
// its expiry when it is new, and stop after the first key past its limit.
const INCREMENT_SCRIPT = `
local counts = {}
for i = 1, #KEYS do
  local count = redis.call('INCR', KEYS[i])
  if count == 1 then
    redis.call('PEXPIREAT', KEYS[i], ARGV[i * 2 - 1])
  end
  counts[i] = count
  if count > tonumber(ARGV[i * 2]) then
    break
  end
end
return counts
`;

/** Counters shared by every gateway connected to the same Redis. */
export class RedisCounterStore implements CounterStore {
  constructor(private readonly client: RedisClient) {}

  async increment(counters: readonly CounterIncrement[]): Promise<number[]> {
    const reply = await this.client.eval(INCREMENT_SCRIPT, {
      keys: counters.map((counter) => counter.key),
      arguments: counters.flatMap((counter) => [String(counter.expiresAt.getTime()), String(counter.limit)]),
    });
    return (reply as unknown[]).map(Number);
  }

  async read(keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) {
      return [];
    }
    const values = await this.client.mGet([...keys]);
    return values.map((value) => (value === null ? 0 : Number(value)));
  }
}
