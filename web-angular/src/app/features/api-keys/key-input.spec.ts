import { chosenPermissions, endOfLocalDay, localToday } from './key-input';

describe('chosenPermissions', () => {
  const all = {
    search: true,
    'videos:read': true,
    'videos:write': true,
    'analytics:read': true,
    'keys:manage': true,
  };

  it('sends nothing when every permission is ticked, leaving the default (all) to the API', () => {
    expect(chosenPermissions(all)).toBeUndefined();
  });

  it('sends the ticked permissions in their canonical order', () => {
    expect(chosenPermissions({ ...all, 'videos:write': false, 'keys:manage': false })).toEqual([
      'search',
      'videos:read',
      'analytics:read',
    ]);
  });
});

describe('endOfLocalDay', () => {
  it('is the last millisecond of that day in local time', () => {
    const instant = new Date(endOfLocalDay('2027-01-31'));
    expect([instant.getFullYear(), instant.getMonth(), instant.getDate()]).toEqual([2027, 0, 31]);
    expect([instant.getHours(), instant.getMinutes(), instant.getSeconds(), instant.getMilliseconds()]).toEqual([
      23, 59, 59, 999,
    ]);
  });
});

describe('localToday', () => {
  it('formats the local date with zero padding', () => {
    expect(localToday(new Date(2027, 2, 5, 23, 30))).toBe('2027-03-05');
  });
});
