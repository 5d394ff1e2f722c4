import { Directive, input, output, signal } from '@angular/core';

/**
 * Makes an element a drop zone for one file: the browser's default (opening the file) is prevented, the
 * element has the `dragging` class while a file is held over it, and `fileDropped` emits the first file
 * dropped, unless `fileDropDisabled` (a zone's picker is disabled by its own attribute).
 */
@Directive({
  selector: '[appFileDrop]',
  host: {
    '[class.dragging]': 'dragging()',
    '(dragover)': 'dragOver($event)',
    '(dragleave)': 'dragging.set(false)',
    '(drop)': 'dropped($event)',
  },
})
export class FileDropDirective {
  readonly fileDropDisabled = input(false);
  readonly fileDropped = output<File>();
  protected readonly dragging = signal(false);

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files[0];
    if (file && !this.fileDropDisabled()) {
      this.fileDropped.emit(file);
    }
  }
}
