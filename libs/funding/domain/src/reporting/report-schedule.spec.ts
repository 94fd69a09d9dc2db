import { reportSchedule, reportStatuses } from './report-schedule';

describe('progress-report schedule', () => {
  it('schedules a report every N months while the award runs, then a final one after the grace', () => {
    expect(reportSchedule({ activatedOn: '2026-01-31', endsOn: '2027-01-31', everyMonths: 6 })).toEqual([
      { kind: 'PROGRESS', sequence: 1, dueOn: '2026-07-31' },
      { kind: 'FINAL', sequence: 2, dueOn: '2027-03-02' },
    ]);
    expect(
      reportSchedule({
        activatedOn: '2026-01-31',
        endsOn: '2026-12-31',
        everyMonths: 3,
        finalDueDaysAfterEnd: 0,
      }).map((report) => report.dueOn),
    ).toEqual(['2026-04-30', '2026-07-31', '2026-10-31', '2026-12-31']);
  });

  it('drops a progress report that would fall on the end date; the final report covers it', () => {
    expect(
      reportSchedule({ activatedOn: '2026-01-01', endsOn: '2026-07-01', everyMonths: 6 }).map(
        (report) => report.kind,
      ),
    ).toEqual(['FINAL']);
  });

  it('reports every input problem at once', () => {
    expect(() =>
      reportSchedule({
        activatedOn: '2026-06-01',
        endsOn: '2026-01-01',
        everyMonths: 0,
        finalDueDaysAfterEnd: -1,
      }),
    ).toThrow(/endsOn: .*; everyMonths: .*; finalDueDaysAfterEnd: /);
  });

  it('flags overdue reports from the day after they are due, and late submissions', () => {
    const schedule = reportSchedule({ activatedOn: '2026-01-01', endsOn: '2026-12-31', everyMonths: 4 });
    const statuses = reportStatuses(schedule, [{ sequence: 1, submittedOn: '2026-05-03' }], '2026-09-01');
    expect(statuses.map((status) => [status.sequence, status.dueOn, status.state, status.daysLate])).toEqual([
      [1, '2026-05-01', 'SUBMITTED_LATE', 2],
      [2, '2026-09-01', 'UPCOMING', 0],
      [3, '2027-01-30', 'UPCOMING', 0],
    ]);
    const later = reportStatuses(schedule, [{ sequence: 1, submittedOn: '2026-05-01' }], '2026-09-02');
    expect(later.map((status) => status.state)).toEqual(['SUBMITTED', 'OVERDUE', 'UPCOMING']);
    expect(later[1].daysLate).toBe(1);
  });
});
