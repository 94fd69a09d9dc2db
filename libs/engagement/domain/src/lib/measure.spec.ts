import { releaseMeasureBeside } from './suppression';

describe('releaseMeasureBeside (sums of minutes or money, released on their contributors)', () => {
  it('publishes a sum of enough contributors and hides one of few, whatever its value', () => {
    expect(releaseMeasureBeside(null, { value: 90_000, contributors: 5 }, 5).scope).toEqual({
      value: 90_000,
      suppressed: false,
    });
    expect(releaseMeasureBeside(null, { value: 90_000, contributors: 4 }, 5).scope).toEqual({
      value: null,
      suppressed: true,
    });
    expect(releaseMeasureBeside(null, { value: 0, contributors: 0 }, 5).scope).toEqual({
      value: 0,
      suppressed: false,
    });
  });

  it('withholds the network beside a scope when the rest of the network has few contributors', () => {
    const beside = releaseMeasureBeside({ value: 600, contributors: 6 }, { value: 800, contributors: 8 }, 5);
    // 800 - 600 would be the two others' minutes
    expect(beside).toEqual({
      scope: { value: 600, suppressed: false },
      network: { value: null, suppressed: true },
    });
    const wide = releaseMeasureBeside({ value: 600, contributors: 6 }, { value: 1600, contributors: 16 }, 5);
    expect(wide.network).toEqual({ value: 1600, suppressed: false });
    // the scope itself small: hidden, and the network still published when its rest is large
    const small = releaseMeasureBeside({ value: 30, contributors: 1 }, { value: 1600, contributors: 16 }, 5);
    expect(small).toEqual({
      scope: { value: null, suppressed: true },
      network: { value: 1600, suppressed: false },
    });
  });
});
