import { traceparentFrom } from './context';

describe('traceparentFrom: a caller-supplied W3C trace context is copied into Kafka headers only when well formed', () => {
  const valid = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('keeps a well-formed version-00 traceparent', () => {
    expect(traceparentFrom(valid)).toBe(valid);
    expect(traceparentFrom([valid, 'junk'])).toBe(valid);
  });

  it('keeps the known fields of a future version and drops what follows them', () => {
    expect(traceparentFrom(`cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-later`)).toBe(
      'cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    );
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['the forbidden version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['an all-zero parent id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['upper-case hex', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01'],
    ['version 00 with trailing data', `${valid}-extra`],
    ['a short trace id', '00-4bf92f3577b34da6a3ce929d0e0e47-00f067aa0ba902b7-01'],
    ['control characters', `${valid}\r\nx-forged: 1`],
    ['a huge value', `cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-${'a'.repeat(10_000)}`],
  ])('refuses %s', (_label, header) => {
    expect(traceparentFrom(header)).toBeUndefined();
  });
});
