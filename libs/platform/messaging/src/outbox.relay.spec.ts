import { lingerBeforePass } from './outbox.relay';

describe('lingerBeforePass', () => {
  it('waits out the rest of the linger since the last pass began', () => {
    expect(lingerBeforePass(50, 20, false)).toBe(30);
    expect(lingerBeforePass(50, 0, false)).toBe(50);
  });

  it('does not wait once the linger has passed, or with no linger', () => {
    expect(lingerBeforePass(50, 50, false)).toBe(0);
    expect(lingerBeforePass(50, 400, false)).toBe(0);
    expect(lingerBeforePass(0, 0, false)).toBe(0);
  });

  it('does not wait after a pass that found a full batch: rows are waiting', () => {
    expect(lingerBeforePass(50, 0, true)).toBe(0);
    expect(lingerBeforePass(50, 10, true)).toBe(0);
  });
});
