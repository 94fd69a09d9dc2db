import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';

/**
 * Nobody is put on a team without consent: the author is on it, everyone else is invited and is on the team
 * only once they accept. Eligibility, conflicts of interest and events see the accepted team only.
 */
export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

/** The invitee answers a pending invitation, once; `current` is null when they were never invited. */
export function answerInvitation(current: InvitationStatus | null, accept: boolean): InvitationStatus {
  if (current === null) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.INVITATION_NOT_FOUND,
      'You have no invitation to this proposal’s team.',
    );
  }
  if (current !== InvitationStatus.PENDING) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.INVITATION_ALREADY_ANSWERED,
      `You already answered this invitation: ${current}.`,
      { status: current },
    );
  }
  return accept ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
}

/**
 * The most people a proposal's team may hold at once, its members and pending invitations together: a research
 * team rather than a mailing list (a competition's `maxTeamSize`, checked at submission, is usually far lower).
 * The one place this number lives.
 */
export const MAX_TEAM_PLACES = 20;

/**
 * Refuses a team change that leaves more than MAX_TEAM_PLACES members and pending invitations; `field` is the
 * input that asked for the change. Called in the transaction that made it, with the proposal row locked.
 */
export function assertTeamPlaces(taken: number, field: string): void {
  if (taken > MAX_TEAM_PLACES) {
    throw ProposalsDomainError.invalid([
      {
        field,
        rule: 'maxTeamPlaces',
        message: `a team holds at most ${MAX_TEAM_PLACES} members and pending invitations together`,
      },
    ]);
  }
}
