import { checkEligibility, EligibilityRule } from './eligibility';
import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';
import { answerInvitation, assertTeamPlaces, InvitationStatus, MAX_TEAM_PLACES } from './team-invitation';

describe('team invitations', () => {
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as ProposalsDomainError).code;
    }
    return null;
  };

  it('lets the invitee accept or decline a pending invitation, once', () => {
    expect(answerInvitation(InvitationStatus.PENDING, true)).toBe(InvitationStatus.ACCEPTED);
    expect(answerInvitation(InvitationStatus.PENDING, false)).toBe(InvitationStatus.DECLINED);
    expect(codeOf(() => answerInvitation(InvitationStatus.ACCEPTED, false))).toBe(
      ProposalsErrorCode.INVITATION_ALREADY_ANSWERED,
    );
    expect(codeOf(() => answerInvitation(null, true))).toBe(ProposalsErrorCode.INVITATION_NOT_FOUND);
  });

  it('counts only accepted members, and says so when the lead has not accepted yet', () => {
    const rules = { requiresInterInstitutionalTeam: false, maxTeamSize: 3, allowedCareerStages: [] };
    const author = {
      memberId: 'author',
      registered: true,
      institutionId: 'a',
      institutionConfirmed: true,
      careerStage: null,
      careerStageConfirmed: true,
      isLead: false,
    };
    const failures = checkEligibility(rules, [author], { pendingLeadId: 'lead' });
    expect(failures).toEqual([
      expect.objectContaining({ rule: EligibilityRule.LEAD_NOT_ACCEPTED, memberIds: ['lead'] }),
    ]);
  });
});

describe('team places', () => {
  it(`allows ${MAX_TEAM_PLACES} members and pending invitations together and refuses one more, naming the field`, () => {
    expect(() => assertTeamPlaces(MAX_TEAM_PLACES, 'memberId')).not.toThrow();
    let refusal: unknown = null;
    try {
      assertTeamPlaces(MAX_TEAM_PLACES + 1, 'memberId');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ProposalsDomainError);
    expect((refusal as ProposalsDomainError).code).toBe(ProposalsErrorCode.INVALID_INPUT);
    expect((refusal as ProposalsDomainError).details).toMatchObject({
      fields: [{ field: 'memberId', rule: 'maxTeamPlaces' }],
    });
  });
});
