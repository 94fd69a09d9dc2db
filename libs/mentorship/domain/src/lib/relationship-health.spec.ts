import { assessRelationshipHealth } from './relationship-health';

const at = (iso: string): Date => new Date(iso);

describe('assessRelationshipHealth', () => {
  const started = at('2025-01-01T09:00:00Z');

  it('measures from the start while there has been no check-in: on track at exactly twice the cadence', () => {
    // 14-day cadence: allowance 28 days, i.e. until 29 Jan 09:00.
    const health = assessRelationshipHealth(
      { startedAt: started, lastCheckInAt: null, checkInCadenceDays: 14 },
      at('2025-01-29T09:00:00Z'),
    );
    expect(health).toEqual({
      status: 'ON_TRACK',
      measuredFrom: 'START',
      daysSinceContact: 28,
      atRiskAfter: at('2025-01-29T09:00:00Z'),
    });
  });

  it('turns AT_RISK the moment silence exceeds twice the cadence', () => {
    const health = assessRelationshipHealth(
      { startedAt: started, lastCheckInAt: null, checkInCadenceDays: 14 },
      at('2025-01-29T09:00:00.001Z'),
    );
    expect(health.status).toBe('AT_RISK');
  });

  it('measures from the last check-in once there is one', () => {
    const input = { startedAt: started, lastCheckInAt: at('2025-03-01T00:00:00Z'), checkInCadenceDays: 30 };
    // 60 days after 1 March is 30 April 00:00.
    expect(assessRelationshipHealth(input, at('2025-04-29T23:59:59Z'))).toMatchObject({
      status: 'ON_TRACK',
      measuredFrom: 'LAST_CHECK_IN',
      daysSinceContact: 59,
    });
    expect(assessRelationshipHealth(input, at('2025-04-30T00:00:01Z'))).toMatchObject({
      status: 'AT_RISK',
      daysSinceContact: 60,
    });
  });

  it('rejects a cadence outside 7..90 days', () => {
    expect(() =>
      assessRelationshipHealth({ startedAt: started, lastCheckInAt: null, checkInCadenceDays: 3 }, started),
    ).toThrow('checkInCadenceDays: must be a whole number of days from 7 to 90 (got 3)');
  });

  it('never measures from before the start: a check-in dated earlier leaves a new relationship on track', () => {
    const health = assessRelationshipHealth(
      { startedAt: started, lastCheckInAt: at('2024-09-01T09:00:00Z'), checkInCadenceDays: 14 },
      at('2025-01-01T09:00:01Z'),
    );
    expect(health).toEqual({
      status: 'ON_TRACK',
      measuredFrom: 'START',
      daysSinceContact: 0,
      atRiskAfter: at('2025-01-29T09:00:00Z'),
    });
  });
});
