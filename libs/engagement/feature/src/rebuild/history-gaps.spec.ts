import { historyGaps, truncatedHistoryError } from './rebuild';

describe('a rebuild’s view of missing history', () => {
  it('names a partition whose first offset is past 0 when the replay group has read none of it', () => {
    const gaps = historyGaps(
      'proposals.proposal.submitted.v1',
      [
        { partition: 0, low: '0' },
        { partition: 1, low: '1127' },
        { partition: 2, low: '0' },
      ],
      [],
    );
    expect(gaps).toEqual([{ topic: 'proposals.proposal.submitted.v1', partition: 1, firstOffset: 1127 }]);
  });

  it('accepts a partition the group has already read into (the catch-up after the swap), whatever its first offset', () => {
    expect(
      historyGaps(
        'membership.member.registered.v1',
        [{ partition: 0, low: '500' }],
        [{ partition: 0, offset: '900' }],
      ),
    ).toEqual([]);
    // kafkajs reports "no committed offset" as -1
    expect(
      historyGaps(
        'membership.member.registered.v1',
        [{ partition: 0, low: '500' }],
        [{ partition: 0, offset: '-1' }],
      ),
    ).toHaveLength(1);
  });

  it('stops with every gap and the way round it in the message', () => {
    const message = truncatedHistoryError([
      { topic: 'a.b.c.v1', partition: 1, firstOffset: 1127 },
      { topic: 'a.b.c.v1', partition: 3, firstOffset: 1312 },
    ]).message;
    expect(message).toContain('a.b.c.v1[1] starts at offset 1127, a.b.c.v1[3] starts at offset 1312');
    expect(message).toContain('nothing was replaced');
    expect(message).toContain('--allow-truncated-history');
  });
});
