import { CROCKFORD_ALPHABET } from '../codes/crockford';
import {
  certificateEligibility,
  formatVerificationCode,
  generateVerificationCode,
  normaliseVerificationCode,
} from './certificate';

const SEVEN = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'];

describe('certificate eligibility', () => {
  it('needs at least the configured share of held sessions (70 %: 5 of 7)', () => {
    expect(certificateEligibility(SEVEN, ['s1', 's2', 's3', 's4', 's5'])).toEqual({
      eligible: true,
      attended: 5,
      held: 7,
      required: 5,
    });
    expect(certificateEligibility(SEVEN, ['s1', 's2', 's3', 's4'])).toMatchObject({
      eligible: false,
      required: 5,
    });
    expect(certificateEligibility(SEVEN, ['s1'], 10).eligible).toBe(true);
    expect(certificateEligibility(SEVEN, SEVEN.slice(0, 6), 100).eligible).toBe(false);
  });

  it('compares exactly at the boundary', () => {
    // 7 of 10 is exactly 70 %.
    const ten = Array.from({ length: 10 }, (_, index) => `s${index}`);
    expect(certificateEligibility(ten, ten.slice(0, 7)).eligible).toBe(true);
    expect(certificateEligibility(ten, ten.slice(0, 6)).eligible).toBe(false);
  });

  it('counts only held sessions, once each', () => {
    expect(certificateEligibility(['s1', 's2'], ['s1', 's1', 's9'])).toMatchObject({
      attended: 1,
      eligible: false,
    });
    expect(certificateEligibility([], [])).toMatchObject({ eligible: false, held: 0 });
    expect(() => certificateEligibility(SEVEN, [], 0)).toThrow(/minSharePercent/);
  });
});

describe('verification codes', () => {
  it('look like XXXX-XXXX-XXXX-XXXX-C and validate', () => {
    const codes = Array.from({ length: 500 }, () => generateVerificationCode());
    expect(new Set(codes).size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]$/);
      expect(normaliseVerificationCode(code)).toBe(code.replace(/-/g, ''));
      expect(formatVerificationCode(code.replace(/-/g, ''))).toBe(code);
    }
  });

  it('forgive case, spacing and look-alike letters', () => {
    const code = generateVerificationCode();
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normaliseVerificationCode(sloppy)).toBe(code.replace(/-/g, ''));
  });

  it('catch every single-character typo and every neighbour swap but 0↔Z', () => {
    for (let trial = 0; trial < 40; trial += 1) {
      const canonical = generateVerificationCode().replace(/-/g, '');
      for (let position = 0; position < canonical.length; position += 1) {
        for (const replacement of CROCKFORD_ALPHABET) {
          if (replacement === canonical[position]) continue;
          const typo = canonical.slice(0, position) + replacement + canonical.slice(position + 1);
          expect(normaliseVerificationCode(typo)).toBeNull();
        }
        if (position + 1 < canonical.length && canonical[position] !== canonical[position + 1]) {
          const swapped =
            canonical.slice(0, position) +
            canonical[position + 1] +
            canonical[position] +
            canonical.slice(position + 2);
          // Luhn mod N misses exactly one neighbour swap: the first and last symbols of the alphabet (0 and Z).
          const a = CROCKFORD_ALPHABET.indexOf(canonical[position]);
          const b = CROCKFORD_ALPHABET.indexOf(canonical[position + 1]);
          if (Math.min(a, b) !== 0 || Math.max(a, b) !== 31)
            expect(normaliseVerificationCode(swapped)).toBeNull();
        }
      }
    }
  });

  it('refuses the wrong length and foreign characters', () => {
    expect(normaliseVerificationCode('')).toBeNull();
    expect(normaliseVerificationCode('ABCD-EFGH')).toBeNull();
    expect(normaliseVerificationCode('ABCD-EFGH-JKMN-PQRS-TU')).toBeNull();
    expect(normaliseVerificationCode('ABCD-EFGH-JKMN-PQRS-!')).toBeNull();
  });
});
