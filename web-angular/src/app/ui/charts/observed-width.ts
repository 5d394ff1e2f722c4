import { DestroyRef, effect, ElementRef, inject, Signal, signal } from '@angular/core';

/**
 * The width of an element as it resizes, for a chart sized from its frame: ngx-charts measures its parent only
 * once, and projected content starts detached. 0 until measured (or where ResizeObserver is missing). Call it in
 * an injection context, e.g. a field initializer.
 */
export function observedWidth(element: Signal<ElementRef<HTMLElement> | undefined>): Signal<number> {
  const width = signal(0);
  let observer: ResizeObserver | null = null;
  inject(DestroyRef).onDestroy(() => observer?.disconnect());
  effect(() => {
    const box = element()?.nativeElement;
    observer?.disconnect();
    observer = null;
    if (!box || typeof ResizeObserver === 'undefined') {
      return;
    }
    observer = new ResizeObserver(([entry]) => width.set(Math.floor(entry.contentRect.width)));
    observer.observe(box);
  });
  return width.asReadonly();
}
