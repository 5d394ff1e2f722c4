/** Milliseconds as seconds with millisecond precision, the unit REST answers times in. */
export function toSeconds(ms: number): number {
  return ms / 1000;
}

/** "mm:ss" below an hour, "h:mm:ss" from an hour on, like video players show a position. */
export function timestampLabel(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
