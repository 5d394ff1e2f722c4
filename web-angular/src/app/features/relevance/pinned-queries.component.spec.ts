import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { signedInApiTesting } from '../../../testing/api-testing';
import { PinnedQueriesComponent } from './pinned-queries.component';

const SCORE = { reciprocal_rank: 0.5, recall: 1, positions: [2], in_order: true };
const PIN = { id: 'p1', query: 'car', expected_video_ids: [7], mode: 'set', created_at: '', health: SCORE };
const LIST = { pins: [PIN], mrr: 0.5, recall: 1, depth: 20 };
const REPORT = {
  pins: [{ pin: PIN, before: SCORE, after: SCORE, verdict: 'same' }],
  mrr_before: 0.5,
  mrr_after: 0.5,
  recall_before: 1,
  recall_after: 1,
  regressions: 0,
  improvements: 0,
  depth: 20,
};

describe('PinnedQueriesComponent', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = signedInApiTesting();
  });

  afterEach(() => backend.verify());

  const pinsUrl = '/api/v1/users/9/search/pins';
  const isHistory = (request: { method: string; url: string }) =>
    request.method === 'GET' && request.url === `${pinsUrl}/history`;

  async function render() {
    const fixture = TestBed.createComponent(PinnedQueriesComponent);
    const host = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    // whenStable waits for the resources' requests too: this only runs the effects that send them.
    const send = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    };
    const loaded = async (checks: object[]) => {
      await send();
      backend.expectOne({ method: 'GET', url: pinsUrl }).flush(LIST);
      backend.expectOne(isHistory).flush({ checks });
      await settle();
    };
    const button = (name: string) =>
      [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name)!;
    fixture.detectChanges();
    await loaded([]);
    return { host, send, settle, loaded, button };
  }

  it('lists the pins with their health and says when nothing was checked yet', async () => {
    const { host } = await render();
    expect(host.querySelector('[data-testid="pin-row"]')?.textContent).toContain('car');
    expect(host.querySelector('[data-testid="pin-rr"]')?.textContent?.trim()).toBe('0.50');
    expect(host.querySelector('[data-testid="pin-history-empty"]')).not.toBeNull();
  });

  it('checks the pins now, recording the check, and shows the report', async () => {
    const { host, send, loaded, button } = await render();
    button('Check now').click();
    const check = backend.expectOne({ method: 'POST', url: `${pinsUrl}/check` });
    expect(check.request.body).toEqual({ record: true });
    check.flush(REPORT);
    await loaded([
      {
        id: 'c1',
        checked_at: '2026-12-06T10:00:00.000Z',
        reason: 'manual',
        outcome: 'passed',
        mrr: 0.5,
        recall: 1,
        pins: 1,
        regressions: 0,
      },
    ]);
    await send();
    expect(host.querySelector('[data-testid="pin-check-report"]')?.textContent).toContain('0 worse');
    expect(host.querySelector('[data-testid="pin-history-empty"]')).toBeNull();
  });

  it('unpins a query', async () => {
    const { button, send, settle } = await render();
    button('Delete').click();
    backend
      .expectOne({ method: 'DELETE', url: `${pinsUrl}/p1` })
      .flush(null, { status: 204, statusText: 'No Content' });
    await send();
    backend.expectOne({ method: 'GET', url: pinsUrl }).flush({ ...LIST, pins: [] });
    await settle();
  });
});
