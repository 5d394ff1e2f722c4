import { PERMISSIONS } from '../auth/authenticated-user';
import { analyticsRoom, apiKeyRoom, jobsRoom, requestsRoom, roomsAllowed } from './realtime.events';

describe('roomsAllowed', () => {
  it('allows no room before the socket authenticates', () => {
    expect(roomsAllowed({})).toEqual(new Set());
  });

  it("allows a password login's socket every room of its own user", () => {
    expect(roomsAllowed({ userId: 7, permissions: PERMISSIONS, apiKeyId: null })).toEqual(
      new Set([analyticsRoom(7), requestsRoom(7), jobsRoom(7)]),
    );
  });

  it("allows an API key only the rooms its permissions read, and the key's own room", () => {
    expect(roomsAllowed({ userId: 7, permissions: ['search'], apiKeyId: 'k1' })).toEqual(
      new Set([jobsRoom(7), apiKeyRoom('k1')]),
    );
    expect(roomsAllowed({ userId: 7, permissions: ['analytics:read'], apiKeyId: 'k2' })).toEqual(
      new Set([analyticsRoom(7), requestsRoom(7), apiKeyRoom('k2')]),
    );
    expect(roomsAllowed({ userId: 7, permissions: ['videos:read', 'videos:write'], apiKeyId: 'k3' })).toEqual(
      new Set([apiKeyRoom('k3')]),
    );
  });
});
