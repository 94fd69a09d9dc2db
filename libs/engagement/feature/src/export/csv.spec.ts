import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what needs quoting, leaves suppressed cells empty and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', null],
          ['say "hi"', 3],
          ['=SUM(A1)', -2],
        ],
      ),
    ).toBe('a,b\r\n"x, y",\r\n"say ""hi""",3\r\n\'=SUM(A1),-2\r\n');
  });
});
