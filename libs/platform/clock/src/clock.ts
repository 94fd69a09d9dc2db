/**
 * A service's clock: every window a service decides by time reads it here, never `new Date()`, so tests and the
 * demo can move it.
 */
export interface Clock {
  now(): Date;
}

/** The machine's time: what production always uses. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The machine's time plus an offset, which keeps flowing after it is moved. Used by in-process tests, and by a
 * running service only when its `<SERVICE>_TEST_CLOCK=true` outside production (`testClockFromEnv` refuses it
 * there).
 */
export class AdjustableClock implements Clock {
  private offset = 0;

  now = (): Date => new Date(Date.now() + this.offset);

  /** How far the clock is from the machine's, in milliseconds (negative: in the past). */
  get offsetMs(): number {
    return this.offset;
  }

  /** From now on the clock reads `instant`, and runs on from there. */
  set(instant: Date): void {
    this.offset = instant.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  /** Back to the machine's time. */
  reset(): void {
    this.offset = 0;
  }
}
