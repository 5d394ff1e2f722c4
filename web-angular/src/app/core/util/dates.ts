/** `YYYY-MM-DD` for a local date, the format the analytics endpoints accept. */
export function isoDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

export function daysAgo(days: number, from: Date = new Date()): Date {
  const date = new Date(from);
  date.setDate(date.getDate() - days);
  return date;
}

/** The `days`-long window ending today, both ends inclusive. */
export function lastDays(days: number, today: Date = new Date()): { start_date: string; end_date: string } {
  return { start_date: isoDay(daysAgo(days - 1, today)), end_date: isoDay(today) };
}
