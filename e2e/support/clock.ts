// The time Lifeline reads during a journey: real time moved to a chosen day, so that a journey
// can let a reflection period run out in seconds. Time still passes within the day (sessions,
// rate limits and ids behave as they do in production); the journey only ever moves it forward.
import type { Clock } from '../../src/services/context.ts';

export class JourneyClock {
  private offsetMs = 0;
  private moved = false;
  readonly clock: Clock = () => new Date(Date.now() + this.offsetMs);

  /** 09:00 UTC on `date` (YYYY-MM-DD), from where the clock runs on. */
  setToday(date: string): void {
    const target = Date.parse(`${date}T09:00:00.000Z`);
    if (Number.isNaN(target)) throw new Error(`Not a date: ${date}`);
    if (this.moved && target < this.clock().getTime()) throw new Error(`The journey clock is already past ${date}: it only moves forward`);
    this.offsetMs = target - Date.now();
    this.moved = true;
  }
}
