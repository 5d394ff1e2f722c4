import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { signedInApiTesting } from '../../../testing/api-testing';
import { PinFormComponent } from './pin-form.component';

describe('PinFormComponent', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = signedInApiTesting();
  });

  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(PinFormComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const fill = (name: string, value: string) => {
      const input = host.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      host.querySelector('form')!.dispatchEvent(new Event('submit'));
      fixture.detectChanges();
      await new Promise((resolve) => setTimeout(resolve));
    };
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, host, fill, submit, settle };
  }

  it('refuses ids that are not video ids without sending anything', async () => {
    const { host, fill, submit, settle } = await render();
    fill('pin-query', 'car');
    fill('pin-videos', '4, four');
    await submit();
    await settle();
    expect(host.textContent).toContain('"four" is not a video id');
  });

  it('pins the query with the ids in the order typed, then empties the form', async () => {
    const { fixture, host, fill, submit, settle } = await render();
    const pinned: string[] = [];
    fixture.componentInstance.pinned.subscribe((pin) => pinned.push(pin.query));
    fill('pin-query', '  car ');
    fill('pin-videos', '7, 3');
    await submit();
    const post = backend.expectOne({ method: 'POST', url: '/api/v1/users/9/search/pins' });
    expect(post.request.body).toEqual({ query: 'car', expected_video_ids: [7, 3], mode: 'set' });
    post.flush({ id: 'p1', query: 'car', expected_video_ids: [7, 3], mode: 'set', created_at: '', health: {} });
    await settle();
    expect(pinned).toEqual(['car']);
    expect(host.querySelector<HTMLInputElement>('input[name="pin-videos"]')!.value).toBe('');
    expect(host.querySelector('mat-error')).toBeNull();
  });

  it('shows the gateway refusal', async () => {
    const { host, fill, submit, settle } = await render();
    fill('pin-query', 'car');
    fill('pin-videos', '7');
    await submit();
    backend
      .expectOne({ method: 'POST', url: '/api/v1/users/9/search/pins' })
      .flush({ error: 'An owner can pin at most 100 queries' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(host.querySelector('[data-testid="pin-error"]')?.textContent).toContain('at most 100 queries');
  });
});
