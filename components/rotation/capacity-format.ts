/** Minutes as hours, "22 h" or "1.5 h". */
export function hours(minutes: number): string {
  const h = minutes / 60;
  return `${h >= 10 ? Math.round(h) : Math.round(h * 10) / 10} h`;
}
