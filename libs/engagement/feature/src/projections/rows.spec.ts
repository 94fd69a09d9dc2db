import { inRounds } from './rows';

describe('inRounds', () => {
  it('puts the k-th row of each key into round k, in their order', () => {
    const rows = ['a1', 'b1', 'a2', 'c1', 'a3', 'b2'];
    expect(inRounds(rows, (row) => row[0])).toEqual([['a1', 'b1', 'c1'], ['a2', 'b2'], ['a3']]);
  });

  it('keeps rows of distinct keys in one round, and nothing in none', () => {
    expect(inRounds(['x', 'y'], (row) => row)).toEqual([['x', 'y']]);
    expect(inRounds([], (row: string) => row)).toEqual([]);
  });
});
