import { HttpEventType, HttpRequest } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import { signedInApiTesting } from '../../../../testing/api-testing';
import { CaptionCue, Captions } from '../../../core/api/api.types';
import { CaptionsPanelComponent } from './captions-panel.component';

const URL = '/api/v1/users/2/videos/5/captions';
const put = (request: HttpRequest<unknown>) => request.method === 'PUT' && request.url === URL;

function cues(count: number): CaptionCue[] {
  return Array.from({ length: count }, (_, index) => ({
    start: index * 4,
    end: index * 4 + 3.5,
    t: `${String(Math.floor((index * 4) / 60)).padStart(2, '0')}:${String((index * 4) % 60).padStart(2, '0')}`,
    text: index === 500 ? 'feeding the sourdough starter' : `cue number ${index}`,
  }));
}

function captions(count: number, language: string | null = 'en'): Captions {
  return {
    video_id: 5,
    language,
    format: 'vtt',
    cue_count: count,
    duration: count * 4,
    updated_at: '2026-12-04T20:00:00Z',
    cues: cues(count),
  };
}

/** Each rendered cue row as "time text". */
function cueRows(host: HTMLElement): string[] {
  return [...host.querySelectorAll('[data-testid="caption-cue"]')].map(
    (row) => `${row.querySelector('.time')?.textContent?.trim()} ${row.querySelector('.text')?.textContent?.trim()}`,
  );
}

describe('CaptionsPanelComponent', () => {
  let backend: HttpTestingController;
  let confirmed: boolean;

  beforeEach(() => {
    confirmed = true;
    backend = signedInApiTesting(
      [{ provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(confirmed) }) } }],
      2,
    );
  });

  afterEach(() => backend.verify());

  function render() {
    const fixture = TestBed.createComponent(CaptionsPanelComponent);
    fixture.componentRef.setInput('videoId', 5);
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    const text = (testId: string) => host.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;
    const choose = (file: File) => {
      const input = host.querySelector<HTMLInputElement>('[data-testid="captions-file"]')!;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
    };
    return { fixture, host, settle, text, choose };
  }

  function notFound(): void {
    backend
      .expectOne({ method: 'GET', url: URL })
      .flush({ error: 'Captions not found' }, { status: 404, statusText: 'Not Found' });
  }

  it('shows the loading state, then the empty state when the video has no captions', async () => {
    const { settle, text } = render();
    expect(text('captions-loading')).toMatch(/Loading/);
    notFound();
    await settle();
    expect(text('captions-empty')).toMatch(/No captions yet/);
    expect(text('captions-summary')).toBeNull();
  });

  it('uploads a picked .vtt file raw with its content type and language, shows progress, then the cues', async () => {
    const { fixture, host, settle, text, choose } = render();
    notFound();
    await settle();
    const language = host.querySelector<HTMLInputElement>('[data-testid="captions-language-input"]')!;
    language.value = ' en ';
    language.dispatchEvent(new Event('input'));
    const file = new File(['WEBVTT\n\n00:00.000 --> 00:03.500\nHello\n'], 'talk.vtt', { type: '' });
    choose(file);

    const upload = backend.expectOne(put);
    expect(upload.request.body).toBe(file);
    expect(upload.request.headers.get('Content-Type')).toBe('text/vtt');
    expect(upload.request.params.get('format')).toBe('vtt');
    expect(upload.request.params.get('language')).toBe('en');
    expect(upload.request.reportProgress).toBe(true);

    upload.event({ type: HttpEventType.UploadProgress, loaded: 20, total: 80 });
    await settle();
    const progress = host.querySelector('[data-testid="captions-progress"]');
    expect(progress?.getAttribute('data-phase')).toBe('uploading');
    expect(progress?.textContent).toContain('talk.vtt');
    expect(progress?.textContent).toContain('25%');
    upload.event({ type: HttpEventType.UploadProgress, loaded: 80, total: 80 });
    await settle();
    expect(host.querySelector('[data-testid="captions-progress"]')?.getAttribute('data-phase')).toBe('processing');

    const { cues: _cues, ...summary } = captions(3);
    upload.flush(summary);
    backend.expectOne({ method: 'GET', url: URL }).flush(captions(3));
    await settle();
    fixture.detectChanges();
    expect(host.querySelector('[data-testid="captions-progress"]')).toBeNull();
    expect(text('captions-cue-count')).toBe('3');
    expect(text('captions-language')).toBe('en');
    expect(text('captions-duration')).toBe('0:12');
    expect(cueRows(host)).toEqual(['00:00 cue number 0', '00:04 cue number 1', '00:08 cue number 2']);
  });

  it('sends a dropped .srt file as application/x-subrip without a language', async () => {
    const { host, settle } = render();
    notFound();
    await settle();
    const file = new File(['1\n00:00:00,000 --> 00:00:02,000\nHi\n'], 'talk.srt');
    const drop = new Event('drop', { cancelable: true }) as Event & { dataTransfer: unknown };
    drop.dataTransfer = { files: [file] };
    host.querySelector('[data-testid="captions-drop-zone"]')!.dispatchEvent(drop);
    await settle();

    const upload = backend.expectOne(put);
    expect(drop.defaultPrevented).toBe(true);
    expect(upload.request.headers.get('Content-Type')).toBe('application/x-subrip');
    expect(upload.request.params.get('format')).toBe('srt');
    expect(upload.request.params.has('language')).toBe(false);
    upload.flush({ error: 'Captions over 2 MB' }, { status: 413, statusText: 'Payload Too Large' });
    await settle();
    expect(host.querySelector('[data-testid="captions-error-line"]')).toBeNull();
    expect(host.querySelector('[data-testid="captions-error"]')?.textContent).toContain('Captions over 2 MB');
  });

  it('shows the line of a broken cue from the 400', async () => {
    const { host, settle, text, choose } = render();
    notFound();
    await settle();
    choose(new File(['WEBVTT\n\nbroken'], 'broken.vtt'));
    await settle();
    backend
      .expectOne(put)
      .flush({ error: 'Line 12: the timing line needs "-->"', line: 12 }, { status: 400, statusText: 'Bad Request' });
    await settle();
    const error = host.querySelector('[data-testid="captions-error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.getAttribute('data-line')).toBe('12');
    expect(text('captions-error-line')).toBe('Line 12');
    expect(error?.textContent).toContain('broken.vtt was not saved.');
    expect(error?.textContent).toContain('the timing line needs "-->"');
    expect(error?.textContent).toContain('Fix line 12');
    // The empty state stays: nothing was stored.
    expect(text('captions-empty')).toMatch(/No captions yet/);
  });

  it('refuses a file that is not a caption file without sending it', async () => {
    const { host, settle, choose } = render();
    notFound();
    await settle();
    choose(new File(['x'], 'notes.txt', { type: 'text/plain' }));
    await settle();
    backend.expectNone(put);
    expect(host.querySelector('[data-testid="captions-error"]')?.textContent).toMatch(/\.vtt.*\.srt/);
  });

  it('renders only the rows in view of 1,000 cues and finds a cue by its words', async () => {
    const { host, settle, text } = render();
    backend.expectOne({ method: 'GET', url: URL }).flush(captions(1000));
    await settle();
    await settle();
    expect(text('captions-cue-count')).toBe('1,000');
    const rendered = host.querySelectorAll('[data-testid="caption-cue"]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(50);

    const find = host.querySelector<HTMLInputElement>('[data-testid="captions-filter"]')!;
    find.value = 'Sourdough';
    find.dispatchEvent(new Event('input'));
    await settle();
    await settle();
    expect(cueRows(host)).toEqual(['33:20 feeding the sourdough starter']);
    find.value = 'nothing like this';
    find.dispatchEvent(new Event('input'));
    await settle();
    expect(text('captions-no-match')).toContain('nothing like this');
  });

  it('deletes the captions after confirmation', async () => {
    const { host, settle, text } = render();
    backend.expectOne({ method: 'GET', url: URL }).flush(captions(2));
    await settle();
    host.querySelector<HTMLButtonElement>('[data-testid="captions-delete"]')!.click();
    backend.expectOne({ method: 'DELETE', url: URL }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(text('captions-empty')).toMatch(/No captions yet/);
    expect(host.querySelector('[data-testid="caption-cue"]')).toBeNull();
  });

  it('keeps the captions when the deletion is cancelled', async () => {
    confirmed = false;
    const { host, settle, text } = render();
    backend.expectOne({ method: 'GET', url: URL }).flush(captions(2));
    await settle();
    host.querySelector<HTMLButtonElement>('[data-testid="captions-delete"]')!.click();
    backend.expectNone({ method: 'DELETE', url: URL });
    expect(text('captions-cue-count')).toBe('2');
  });

  it('offers a retry when the captions cannot be loaded', async () => {
    const { host, settle, text } = render();
    backend
      .expectOne({ method: 'GET', url: URL })
      .flush({ error: 'boom' }, { status: 500, statusText: 'Internal Server Error' });
    await settle();
    expect(text('captions-load-error')).toContain('boom');
    host.querySelector<HTMLButtonElement>('[data-testid="captions-load-error"] button')!.click();
    backend.expectOne({ method: 'GET', url: URL }).flush(captions(1));
    await settle();
    expect(text('captions-cue-count')).toBe('1');
  });
});
