import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FileDropDirective } from './file-drop.directive';

@Component({
  imports: [FileDropDirective],
  template: `<label appFileDrop [fileDropDisabled]="disabled()" (fileDropped)="files.push($event)"
    >zone <input type="file"
  /></label>`,
})
class Host {
  readonly disabled = signal(false);
  readonly files: File[] = [];
}

function dragEvent(type: string, files: File[] = []): Event {
  const event = new Event(type, { cancelable: true }) as Event & { dataTransfer: unknown };
  event.dataTransfer = { files };
  return event;
}

describe('FileDropDirective', () => {
  it('marks the zone while a file is held over it and emits the dropped file', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const zone = fixture.nativeElement.querySelector('label') as HTMLElement;

    const over = dragEvent('dragover');
    zone.dispatchEvent(over);
    fixture.detectChanges();
    expect(over.defaultPrevented).toBe(true);
    expect(zone.classList).toContain('dragging');

    const file = new File(['x'], 'a.vtt');
    const drop = dragEvent('drop', [file]);
    zone.dispatchEvent(drop);
    fixture.detectChanges();
    expect(drop.defaultPrevented).toBe(true);
    expect(zone.classList).not.toContain('dragging');
    expect(fixture.componentInstance.files).toEqual([file]);
  });

  it('ignores a drop while disabled, still keeping the browser from opening the file', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.disabled.set(true);
    fixture.detectChanges();
    const drop = dragEvent('drop', [new File(['x'], 'a.vtt')]);

    (fixture.nativeElement.querySelector('label') as HTMLElement).dispatchEvent(drop);

    expect(drop.defaultPrevented).toBe(true);
    expect(fixture.componentInstance.files).toEqual([]);
  });
});
