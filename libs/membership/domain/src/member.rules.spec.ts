import { checkGrant, normaliseEmail, normaliseInterests, profileView } from './member.rules';
import { MembershipErrorCode } from './membership.exception';

describe('membership rules', () => {
  it('normalises emails and interests', () => {
    expect(normaliseEmail('  Ada@Example.ORG ')).toBe('ada@example.org');
    expect(normaliseInterests([' Medical  Education', 'medical education', '', 'QI'])).toEqual([
      'medical education',
      'qi',
    ]);
  });

  it('gives full profiles only to self, admins and leads of the member institution', () => {
    const member = { id: 'm1', institutionId: 'i1' };
    expect(profileView({ memberId: 'm1', isAdmin: false, leadOf: [] }, member)).toBe('full');
    expect(profileView({ memberId: 'a', isAdmin: true, leadOf: [] }, member)).toBe('full');
    expect(profileView({ memberId: 'l', isAdmin: false, leadOf: ['i1'] }, member)).toBe('full');
    expect(profileView({ memberId: 'l', isAdmin: false, leadOf: ['i2'] }, member)).toBe('public');
    expect(profileView({ memberId: 'm2', isAdmin: false, leadOf: [] }, member)).toBe('public');
    expect(profileView(null, member)).toBe('public');
  });

  it('refuses a lead grant without an institution and any grant of the implicit member role', () => {
    expect(() => checkGrant('lead', null)).toThrow(
      expect.objectContaining({ code: MembershipErrorCode.LeadNeedsInstitution }),
    );
    expect(() => checkGrant('member', null)).toThrow(/cannot be granted or revoked/);
    expect(() => checkGrant('judge', null)).not.toThrow();
  });
});
