import pino from 'pino';
import type { DataSource } from 'typeorm';
import { DAY_MS, HOUR_MS, Scheduler, tickStart, WEEK_MS } from './scheduler';

describe('tickStart', () => {
  it('puts a weekly Monday 06:00 UTC job on the last Monday 06:00 before now', () => {
    const weekly = { everyMs: WEEK_MS, offsetMs: 4 * DAY_MS + 6 * HOUR_MS };
    expect(tickStart(weekly, Date.parse('2026-12-01T02:00:00Z')).toISOString()).toBe(
      '2026-11-30T06:00:00.000Z',
    );
    expect(tickStart(weekly, Date.parse('2026-11-30T05:59:59Z')).toISOString()).toBe(
      '2026-11-23T06:00:00.000Z',
    );
    expect(tickStart(weekly, Date.parse('2026-11-30T06:00:00Z')).toISOString()).toBe(
      '2026-11-30T06:00:00.000Z',
    );
  });

  it('starts hourly ticks on the hour', () => {
    expect(tickStart({ everyMs: HOUR_MS }, Date.parse('2026-12-01T02:59:00Z')).toISOString()).toBe(
      '2026-12-01T02:00:00.000Z',
    );
  });
});

describe('Scheduler', () => {
  it('refuses a job without a positive period', () => {
    expect(
      () =>
        new Scheduler({
          dataSource: {} as DataSource,
          jobs: [{ name: 'never', everyMs: 0, run: async () => undefined }],
          logger: pino({ level: 'silent' }),
        }),
    ).toThrow('scheduled job "never": everyMs must be positive');
  });

  it('refuses a job registered twice', () => {
    const job = { name: 'twice', everyMs: 1000, run: async () => undefined };
    expect(
      () =>
        new Scheduler({ dataSource: {} as DataSource, jobs: [job, job], logger: pino({ level: 'silent' }) }),
    ).toThrow('scheduled job "twice" is registered twice');
  });
});
