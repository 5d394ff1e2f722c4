import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { SearchSettings } from '../../core/api/search.types';
import { SessionService } from '../../core/auth/session.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import SearchSettingsPage from './search-settings.page';

const STORED: SearchSettings = {
  synonyms: { car: ['automobile', 'auto'] },
  stop_words: ['the'],
  typo_tolerance: { enabled: true, min_word_size_one_typo: 5, min_word_size_two_typos: 9 },
  field_weights: { title: 3, description: 1, tags: 2 },
  updated_at: '2026-12-01T10:00:00.000Z',
};

describe('SearchSettingsPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideHeyApiClient(client),
      ],
    });
    TestBed.inject(SessionService).start({ token: 't', user: { id: 9, email: 'a@b.c', name: '' } });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(SearchSettingsPage);
    fixture.detectChanges();
    backend.expectOne({ method: 'GET', url: '/api/v1/users/9/search/settings' }).flush(STORED);
    await fixture.whenStable();
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const fill = (selector: string, value: string, index = 0) => {
      const input = host.querySelectorAll<HTMLInputElement>(selector)[index];
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    const save = () => host.querySelector('form')!.dispatchEvent(new Event('submit'));
    return { host, fill, settle, save };
  }

  it('shows the stored settings as rows, chips and numbers', async () => {
    const { host } = await render();
    const words = host.querySelectorAll<HTMLInputElement>('input[name="synonym-word"]');
    expect([...words].map((input) => input.value)).toEqual(['car']);
    expect(host.querySelector<HTMLInputElement>('input[name="synonym-equivalents"]')!.value).toBe('automobile, auto');
    expect(host.querySelector('[data-testid="stop-words"]')?.textContent).toContain('the');
    expect(host.querySelector<HTMLInputElement>('input[name="weight-title"]')!.value).toBe('3');
  });

  it('saves an added synonym and a stop word, then confirms', async () => {
    const { host, fill, settle, save } = await render();
    host.querySelector<HTMLButtonElement>('[data-testid="add-synonym"]')!.click();
    await settle();
    fill('input[name="synonym-word"]', 'Noodles', 1);
    fill('input[name="synonym-equivalents"]', 'pasta, , spaghetti', 1);
    const stop = host.querySelector<HTMLInputElement>('input[name="stop-word"]')!;
    stop.value = 'a, An';
    stop.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    save();
    const put = backend.expectOne({ method: 'PUT', url: '/api/v1/users/9/search/settings' });
    expect(put.request.body).toEqual({
      synonyms: { car: ['automobile', 'auto'], noodles: ['pasta', 'spaghetti'] },
      stop_words: ['the', 'a', 'an'],
      typo_tolerance: { enabled: true, min_word_size_one_typo: 5, min_word_size_two_typos: 9 },
      field_weights: { title: 3, description: 1, tags: 2 },
    });
    put.flush({ ...STORED, ...put.request.body, updated_at: '2026-12-04T01:00:00.000Z' });
    await settle();
    expect(host.querySelector('[data-testid="settings-saved"]')).not.toBeNull();
    expect(host.querySelectorAll('input[name="synonym-word"]')).toHaveLength(2);
  });

  it("shows the API's 400 next to the form and keeps the edits", async () => {
    const { host, fill, settle, save } = await render();
    fill('input[name="synonym-equivalents"]', 'sports car');
    save();
    backend
      .expectOne({ method: 'PUT', url: '/api/v1/users/9/search/settings' })
      .flush({ error: 'synonyms["car"][0] must be a single word' }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(host.querySelector('[data-testid="settings-error"]')?.textContent).toContain('must be a single word');
    expect(host.querySelector<HTMLInputElement>('input[name="synonym-equivalents"]')!.value).toBe('sports car');
  });

  it('checks rows and numbers before sending anything', async () => {
    const { host, fill, settle, save } = await render();
    fill('input[name="synonym-equivalents"]', '');
    fill('input[name="weight-title"]', '0');
    fill('input[name="weight-description"]', '0');
    fill('input[name="weight-tags"]', '0');
    save();
    await settle();
    backend.expectNone({ method: 'PUT', url: '/api/v1/users/9/search/settings' });
    expect(host.querySelector('[data-testid="synonym-row"] [role="alert"]')?.textContent).toContain('car');
    expect(host.querySelector('[data-testid="settings-error"]')?.textContent).toContain('field weight');
  });
});
