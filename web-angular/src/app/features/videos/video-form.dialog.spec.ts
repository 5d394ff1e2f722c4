import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { signedInApiTesting } from '../../../testing/api-testing';
import { Video } from '../../core/api/api.types';
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
    close = vi.fn();
    signedInApiTesting(
      [
        { provide: MAT_DIALOG_DATA, useValue: { video } },
        { provide: MatDialogRef, useValue: { close } },
      ],
      2,
    );
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
