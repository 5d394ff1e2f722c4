import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { Video } from '../../core/api/api.types';
import { SessionService } from '../../core/auth/session.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { VideoFormDialog } from './video-form.dialog';

const existing: Video = {
  id: 5,
  title: 'Old title',
  description: 'About bikes',
  duration: 60,
  tags: ['bike', 'outdoors'],
  created_at: '2026-11-26T10:00:00Z',
  updated_at: '2026-11-26T10:00:00Z',
};

describe('VideoFormDialog', () => {
  let close: ReturnType<typeof vi.fn>;

  function open(video: Video | null) {
    sessionStorage.clear();
    close = vi.fn();
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideHeyApiClient(client),
        { provide: MAT_DIALOG_DATA, useValue: { video } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(SessionService).start({ token: 't', user: { id: 2, email: 'a@b.c', name: '' } });
    const fixture = TestBed.createComponent(VideoFormDialog);
    fixture.detectChanges();
    return fixture;
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('creates a video with trimmed tags and closes with it', () => {
    const fixture = open(null);
    const element: HTMLElement = fixture.nativeElement;
    type(element, 'input[name="title"]', 'Cooking 101');
    type(element, 'input[name="duration"]', '90');
    type(element, 'input[name="tags"]', ' cooking , , basics ');
    element.querySelector('form')?.dispatchEvent(new Event('submit'));

    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/users/2/videos');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      title: 'Cooking 101',
      description: '',
      duration: 90,
      tags: ['cooking', 'basics'],
    });
    request.flush({ ...existing, id: 9, title: 'Cooking 101' }, { status: 201, statusText: 'Created' });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 9 }));
  });

  it("keeps the dialog open and shows the API's validation message", async () => {
    const fixture = open(existing);
    const element: HTMLElement = fixture.nativeElement;
    type(element, 'input[name="duration"]', '1.5');
    element.querySelector('form')?.dispatchEvent(new Event('submit'));

    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/users/2/videos/5');
    expect(request.request.method).toBe('PUT');
    request.flush({ error: 'duration must be a whole number of seconds' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    fixture.detectChanges();

    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'duration must be a whole number of seconds',
    );
  });
});
