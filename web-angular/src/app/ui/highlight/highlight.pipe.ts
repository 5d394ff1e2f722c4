import { Pipe, PipeTransform } from '@angular/core';
import { sanitizeHighlight } from './safe-highlight';

/** For `[innerHTML]`: keeps only `<mark>` highlighting; Angular's own sanitiser still runs after it. */
@Pipe({ name: 'highlight' })
export class HighlightPipe implements PipeTransform {
  transform(snippet: string | null | undefined): string {
    return sanitizeHighlight(snippet);
  }
}
