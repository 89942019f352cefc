// A force's spreadsheet gives times as the clock on the wall showed them, in UK (or Irish) local
// time, which share their offsets: GMT in winter, one hour ahead in summer.
const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

function offsetMinutes(at: number): number {
  const name = offsetFormat.formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (match === null) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Milliseconds since the epoch of a wall-clock time in London (in the autumn's repeated hour, the first). */
export function londonWallTimeToUtc(wallClockAsUtc: number): number {
  const first = wallClockAsUtc - offsetMinutes(wallClockAsUtc) * 60_000;
  const second = wallClockAsUtc - offsetMinutes(first) * 60_000;
  return Math.min(first, second);
}
