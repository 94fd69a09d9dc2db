const DAY_MS = 24 * 3600 * 1000;

/**
 * Check-in adherence of one relationship over `[from, to)`: check-ins held ÷ check-ins expected from the agreed
 * cadence while the relationship was active in that window. Null when none were expected yet (a relationship
 * younger than one cadence); may exceed 1 when the pair met more often than agreed.
 */
export function checkInAdherence(input: {
  held: number;
  cadenceDays: number;
  activeFrom: Date;
  activeTo: Date | null;
  from: Date;
  to: Date;
}): { expected: number; held: number; adherence: number | null } {
  const start = Math.max(input.activeFrom.getTime(), input.from.getTime());
  const end = Math.min(input.activeTo?.getTime() ?? input.to.getTime(), input.to.getTime());
  const activeDays = Math.max(0, (end - start) / DAY_MS);
  const expected = input.cadenceDays > 0 ? Math.floor(activeDays / input.cadenceDays) : 0;
  return {
    expected,
    held: input.held,
    adherence: expected === 0 ? null : Math.round((input.held / expected) * 10_000) / 10_000,
  };
}

/** Protected-time utilisation: minutes logged ÷ minutes allocated (null when nothing was allocated). */
export function utilisation(loggedMinutes: number, allocatedMinutes: number): number | null {
  if (allocatedMinutes <= 0) return null;
  return Math.round((loggedMinutes / allocatedMinutes) * 10_000) / 10_000;
}
