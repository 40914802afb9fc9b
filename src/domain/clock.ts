/** Time is injected everywhere so tests and local mode can move it; nothing deep calls new Date(). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be set or moved forward: tests, and local mode's "a day later" button. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private fixed: Date | null;

  constructor(
    start?: Date,
    private readonly base: Clock = systemClock,
  ) {
    this.fixed = start ?? null;
  }

  now(): Date {
    return new Date((this.fixed ?? this.base.now()).getTime() + this.offsetMs);
  }

  set(instant: Date): void {
    this.fixed = instant;
    this.offsetMs = 0;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** How far this clock has been moved from its start (or from the real time), in ms. */
  get offset(): number {
    return this.offsetMs;
  }
}
