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
