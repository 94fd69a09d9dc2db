import { isPlainText } from './plain-text';

describe('plain text', () => {
  it('accepts names in any script, with accents and punctuation', () => {
    for (const name of ['Ada Lovelace', 'Zoë O’Brien-Smith', 'محمد', '李小龙', 'Dr. K. N. Rao']) {
      expect(isPlainText(name)).toBe(true);
    }
  });

  it('refuses controls, bidirectional overrides and invisible characters', () => {
    for (const name of [
      'Ada\u0000',
      'Ada\nLovelace',
      'Ada\u001b[31m',
      'Eve\u202eexe.txt',
      'a\u2066b',
      'a\u200bb',
      '\ufeffAda',
      'x\u0085',
    ]) {
      expect(isPlainText(name)).toBe(false);
    }
  });
});
