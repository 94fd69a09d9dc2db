import { describe, expect, it } from 'vitest';
import { institutionValidation } from './institutions-page';
import { matchingValidation } from './matching-page';
import { recordSessionValidation } from '../mastermind/record-session-form';

describe('administration and Mastermind form rules', () => {
  it('an institution needs a name and a two-letter country', () => {
    const rules = institutionValidation();
    expect(rules.name(' ')).toBe('Required');
    expect(rules.country('GBR')).toMatch(/Two letters/);
    expect(rules.country('gb')).toBeNull();
  });

  it('a matching run needs mentees and mentors', () => {
    const rules = matchingValidation();
    expect(rules.menteeIds([])).toMatch(/at least one/);
    expect(rules.mentorIds(['m1'])).toBeNull();
  });

  it('a Mastermind session is held today or earlier, with someone attending', () => {
    const rules = recordSessionValidation('2026-12-01');
    expect(rules.heldAt('2026-12-02')).not.toBeNull();
    expect(rules.heldAt('2026-11-30')).toBeNull();
    expect(rules.attendeeIds([])).toMatch(/at least one/);
  });
});
