import { formatProgress } from './progress';

describe('rebuild progress line', () => {
  it('shows the bar, events applied of the total, the rate and the time left at that rate', () => {
    const line = formatProgress({ phase: 'replay', applied: 25000, total: 100000, elapsedMs: 2000 });
    expect(line).toContain('[########----------------------]');
    expect(line).toContain(' 25% 25,000/100,000 events');
    expect(line).toContain('12,500 events/s');
    expect(line).toContain('6 s left');
  });

  it('says the time left is unknown before anything is applied, and full when there is nothing to replay', () => {
    expect(formatProgress({ phase: 'replay', applied: 0, total: 10, elapsedMs: 500 })).toContain('? left');
    expect(formatProgress({ phase: 'done', applied: 0, total: 0, elapsedMs: 10 })).toContain(
      '100% 0/0 events',
    );
  });
});
