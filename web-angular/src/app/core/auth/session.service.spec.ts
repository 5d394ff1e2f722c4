import { TestBed } from '@angular/core/testing';
import { SessionService } from './session.service';

describe('SessionService', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the session in sessionStorage and restores it', () => {
    TestBed.inject(SessionService).start({ token: 't', user: { id: 3, email: 'x@y.z', name: 'X' } });
    TestBed.resetTestingModule();
    const restored = TestBed.inject(SessionService);
    expect(restored.token()).toBe('t');
    expect(restored.requireUserId()).toBe(3);
  });

  it('ignores corrupt stored data', () => {
    sessionStorage.setItem('vsp.session', '{not json');
    expect(TestBed.inject(SessionService).isAuthenticated()).toBe(false);
  });

  it('ends the session', () => {
    const session = TestBed.inject(SessionService);
    session.start({ token: 't', user: { id: 3, email: 'x@y.z', name: '' } });
    session.end();
    expect(session.user()).toBeNull();
    expect(() => session.requireUserId()).toThrow();
  });
});
