/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query AdminCompetitions {\n    competitions(first: 100) {\n      edges {\n        node {\n          id\n          title\n          phase\n          opensAt\n          closesAt\n          judgingEndsAt\n        }\n      }\n    }\n  }\n": typeof types.AdminCompetitionsDocument,
    "\n  mutation CreateCompetition($input: CreateCompetitionInput!) {\n    createCompetition(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCompetitionDocument,
    "\n  query AdminCompetition($id: ID!) {\n    competition(id: $id) {\n      ...CompetitionFields\n      nextPhases\n      reviewsPerEntry\n      judgeMaxLoad\n    }\n    competitionJudges(competitionId: $id, first: 100) {\n      edges {\n        node {\n          judge {\n            id\n            displayName\n          }\n          addedAt\n        }\n      }\n    }\n  }\n": typeof types.AdminCompetitionDocument,
    "\n  query CompetitionRanking($id: ID!) {\n    competitionRanking(competitionId: $id) {\n      published\n      entries {\n        rank\n        proposalId\n        title\n        normalisedScore\n        meanRawScore\n        reviewCount\n        isWinner\n      }\n    }\n  }\n": typeof types.CompetitionRankingDocument,
    "\n  mutation AdminOpenCompetition($id: ID!) {\n    openCompetition(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n": typeof types.AdminOpenCompetitionDocument,
    "\n  mutation AdminStartJudging($id: ID!) {\n    startJudging(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n": typeof types.AdminStartJudgingDocument,
    "\n  mutation AdminPublishResults($id: ID!) {\n    publishResults(competitionId: $id) {\n      id\n      phase\n      nextPhases\n      resultsPublishedAt\n    }\n  }\n": typeof types.AdminPublishResultsDocument,
    "\n  mutation AdminCancelCompetition($id: ID!) {\n    cancelCompetition(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n": typeof types.AdminCancelCompetitionDocument,
    "\n  query JudgeSearch($nameContains: String!) {\n    members(filter: { nameContains: $nameContains, role: JUDGE }, first: 8) {\n      edges {\n        node {\n          id\n          displayName\n          institution {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.JudgeSearchDocument,
    "\n  mutation AddJudge($competitionId: ID!, $memberId: ID!) {\n    addJudge(competitionId: $competitionId, memberId: $memberId) {\n      addedAt\n    }\n  }\n": typeof types.AddJudgeDocument,
    "\n  mutation AssignJudges($competitionId: ID!) {\n    assignJudges(competitionId: $competitionId) {\n      minLoad\n      maxLoad\n      keptStarted\n      assignments {\n        proposalId\n        judgeId\n      }\n    }\n  }\n": typeof types.AssignJudgesDocument,
    "\n  query AdminInstitutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": typeof types.AdminInstitutionsDocument,
    "\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) {\n      id\n      name\n      country\n    }\n  }\n": typeof types.CreateInstitutionDocument,
    "\n  fragment MemberRoles on Member {\n    id\n    displayName\n    careerStage\n    institutionId\n    roles {\n      role\n      institutionId\n    }\n  }\n": typeof types.MemberRolesFragmentDoc,
    "\n  query FindMembers($filter: MembersFilter!) {\n    members(filter: $filter, first: 20) {\n      edges {\n        node {\n          ...MemberRoles\n        }\n      }\n    }\n  }\n": typeof types.FindMembersDocument,
    "\n  mutation GrantRole($memberId: ID!, $role: Role!, $institutionId: ID) {\n    grantRole(memberId: $memberId, role: $role, institutionId: $institutionId) {\n      ...MemberRoles\n    }\n  }\n": typeof types.GrantRoleDocument,
    "\n  mutation RevokeRole($memberId: ID!, $role: Role!, $institutionId: ID) {\n    revokeRole(memberId: $memberId, role: $role, institutionId: $institutionId) {\n      ...MemberRoles\n    }\n  }\n": typeof types.RevokeRoleDocument,
    "\n  query CompetitionReview($competitionId: ID!) {\n    competition(id: $competitionId) {\n      id\n      title\n      phase\n    }\n    competitionJudges(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          judge {\n            id\n            displayName\n          }\n        }\n      }\n    }\n    competitionEntries(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n    competitionConflicts(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          id\n          proposalId\n          judgeId\n          kind\n          reason\n          recordedAt\n          reviewStatus\n          reviewReason\n          reviewedAt\n        }\n      }\n    }\n    competitionAssignments(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          proposalId\n          judgeId\n          origin\n          reviewStarted\n          assignedAt\n        }\n      }\n    }\n  }\n": typeof types.CompetitionReviewDocument,
    "\n  mutation ReviewNamedConflict($conflictId: ID!, $decision: NamedConflictDecision!, $reason: String!) {\n    reviewNamedConflict(conflictId: $conflictId, decision: $decision, reason: $reason) {\n      id\n      reviewStatus\n      reviewReason\n      reviewedAt\n    }\n  }\n": typeof types.ReviewNamedConflictDocument,
    "\n  mutation AssignJudge($proposalId: ID!, $judgeId: ID!) {\n    assignJudge(proposalId: $proposalId, judgeId: $judgeId) {\n      proposalId\n      judgeId\n    }\n  }\n": typeof types.AssignJudgeDocument,
    "\n  mutation UnassignJudge($proposalId: ID!, $judgeId: ID!, $discardStartedReview: Boolean!) {\n    unassignJudge(proposalId: $proposalId, judgeId: $judgeId, discardStartedReview: $discardStartedReview)\n  }\n": typeof types.UnassignJudgeDocument,
    "\n  fragment MatchRunFields on MatchRun {\n    id\n    status\n    totalScore\n    createdAt\n    approvedAt\n    proposals {\n      id\n      score\n      edited\n      relationshipId\n      mentee {\n        id\n        displayName\n      }\n      mentor {\n        id\n        displayName\n      }\n      reasons {\n        kind\n        detail\n        points\n      }\n    }\n    unmatched {\n      reason\n      detail\n      mentee {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.MatchRunFieldsFragmentDoc,
    "\n  query MatchingCandidates {\n    mentors: members(filter: { role: MENTOR }, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n    everyone: members(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n": typeof types.MatchingCandidatesDocument,
    "\n  mutation RunMatching($input: RunMatchingInput!) {\n    runMatching(input: $input) {\n      ...MatchRunFields\n    }\n  }\n": typeof types.RunMatchingDocument,
    "\n  query MatchRun($id: ID!) {\n    matchRun(id: $id) {\n      ...MatchRunFields\n    }\n  }\n": typeof types.MatchRunDocument,
    "\n  mutation EditMatchProposal($runId: ID!, $menteeId: ID!, $mentorId: ID) {\n    editMatchProposal(runId: $runId, menteeId: $menteeId, mentorId: $mentorId) {\n      ...MatchRunFields\n    }\n  }\n": typeof types.EditMatchProposalDocument,
    "\n  mutation ApproveMatchRun($runId: ID!) {\n    approveMatchRun(runId: $runId) {\n      ...MatchRunFields\n    }\n  }\n": typeof types.ApproveMatchRunDocument,
    "\n  query SupervisionProposals {\n    supervisionProposals(first: 100) {\n      edges {\n        node {\n          id\n          competitionId\n          proposalTitle\n          score\n          status\n          relationshipId\n          mentee {\n            id\n            displayName\n          }\n          mentor {\n            id\n            displayName\n          }\n          reasons {\n            kind\n            detail\n            points\n          }\n        }\n      }\n    }\n    mentors: members(filter: { role: MENTOR }, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.SupervisionProposalsDocument,
    "\n  mutation ConfirmSupervision($id: ID!, $mentorId: ID) {\n    confirmSupervision(id: $id, mentorId: $mentorId) {\n      id\n      status\n      relationshipId\n      mentor {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.ConfirmSupervisionDocument,
    "\n  query Institutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": typeof types.InstitutionsDocument,
    "\n  query Communities {\n    communities(first: 100) {\n      edges {\n        node {\n          ...CommunityFields\n        }\n      }\n    }\n  }\n": typeof types.CommunitiesDocument,
    "\n  fragment CommunityFields on Community {\n    id\n    name\n    description\n    interests\n    memberCount\n    viewerIsMember\n    viewerIsModerator\n  }\n": typeof types.CommunityFieldsFragmentDoc,
    "\n  query Community($id: ID!) {\n    community(id: $id) {\n      ...CommunityFields\n      moderators {\n        id\n        displayName\n      }\n    }\n    programmes(communityId: $id, first: 100) {\n      edges {\n        node {\n          ...ProgrammeSummary\n        }\n      }\n    }\n  }\n": typeof types.CommunityDocument,
    "\n  query CommunityFeed($communityId: ID!, $after: String) {\n    communityAnnouncements(communityId: $communityId, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          body\n          link\n          postedAt\n          author {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.CommunityFeedDocument,
    "\n  mutation JoinCommunity($id: ID!) {\n    joinCommunity(id: $id) {\n      ...CommunityFields\n    }\n  }\n": typeof types.JoinCommunityDocument,
    "\n  mutation LeaveCommunity($id: ID!) {\n    leaveCommunity(id: $id) {\n      ...CommunityFields\n    }\n  }\n": typeof types.LeaveCommunityDocument,
    "\n  fragment ProgrammeSummary on Programme {\n    id\n    title\n    description\n    mode\n    audience\n    capacity\n    applicationOpensAt\n    applicationClosesAt\n    sessions {\n      id\n      startsAt\n    }\n  }\n": typeof types.ProgrammeSummaryFragmentDoc,
    "\n  fragment ApplicationFields on MyProgrammeApplication {\n    id\n    programmeId\n    status\n    appliedAt\n    waitlistPosition\n    offerExpiresAt\n    decidedAt\n  }\n": typeof types.ApplicationFieldsFragmentDoc,
    "\n  query Programmes {\n    programmes(first: 100) {\n      edges {\n        node {\n          ...ProgrammeSummary\n        }\n      }\n    }\n    myApplications {\n      ...ApplicationFields\n    }\n  }\n": typeof types.ProgrammesDocument,
    "\n  query Programme($id: ID!) {\n    programme(id: $id) {\n      ...ProgrammeSummary\n      communityId\n      competitionId\n      certificateMinSharePercent\n      viewerIsOrganiser\n      reflectionQuestions {\n        id\n        prompt\n      }\n      sessions {\n        id\n        position\n        theme\n        startsAt\n        endsAt\n        timeZone\n        localStart\n        durationMinutes\n        joiningLink\n        sessionCode\n        speakers {\n          name\n          role\n        }\n      }\n      myApplication {\n        ...ApplicationFields\n        motivation\n      }\n      myAttendance\n      myReflectionSubmitted\n      myCertificate {\n        ...CertificateFields\n      }\n    }\n  }\n": typeof types.ProgrammeDocument,
    "\n  query CertificateEligibility($id: ID!) {\n    programme(id: $id) {\n      id\n      myCertificateEligibility {\n        eligible\n        attended\n        held\n        required\n      }\n    }\n  }\n": typeof types.CertificateEligibilityDocument,
    "\n  fragment CertificateFields on Certificate {\n    id\n    programmeId\n    verificationCode\n    verificationUrl\n    memberName\n    programmeTitle\n    sessionsHeld\n    issuedAt\n    sessionsAttended {\n      theme\n      startsAt\n    }\n  }\n": typeof types.CertificateFieldsFragmentDoc,
    "\n  mutation ApplyToProgramme($programmeId: ID!, $input: ApplyToProgrammeInput!) {\n    applyToProgramme(programmeId: $programmeId, input: $input) {\n      ...ApplicationFields\n    }\n  }\n": typeof types.ApplyToProgrammeDocument,
    "\n  mutation RespondToPlace($applicationId: ID!, $action: ApplicantAction!) {\n    respondToPlace(applicationId: $applicationId, action: $action) {\n      ...ApplicationFields\n    }\n  }\n": typeof types.RespondToPlaceDocument,
    "\n  mutation RecordMyAttendance($sessionId: ID!, $code: String!) {\n    recordMyAttendance(sessionId: $sessionId, code: $code) {\n      sessionId\n      recorded\n      alreadyRecorded\n    }\n  }\n": typeof types.RecordMyAttendanceDocument,
    "\n  mutation SubmitReflection($programmeId: ID!, $input: SubmitReflectionInput!) {\n    submitReflection(programmeId: $programmeId, input: $input) {\n      programmeId\n      submittedOn\n    }\n  }\n": typeof types.SubmitReflectionDocument,
    "\n  mutation RequestCertificate($programmeId: ID!) {\n    requestCertificate(programmeId: $programmeId) {\n      ...CertificateFields\n    }\n  }\n": typeof types.RequestCertificateDocument,
    "\n  query CertificatePdf($id: ID!) {\n    programme(id: $id) {\n      id\n      myCertificatePdf {\n        filename\n        contentType\n        base64\n      }\n    }\n  }\n": typeof types.CertificatePdfDocument,
    "\n  query MyCertificates {\n    programmes(first: 100) {\n      edges {\n        node {\n          id\n          myCertificate {\n            ...CertificateFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyCertificatesDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      valid\n      memberName\n      programmeTitle\n    }\n  }\n": typeof types.VerifyCertificateDocument,
    "\n  fragment CompetitionFields on Competition {\n    id\n    title\n    description\n    phase\n    opensAt\n    closesAt\n    judgingEndsAt\n    resultsPublishedAt\n    blind\n    winnersCount\n    currency\n    fundingAvailableMoney {\n      amountMinor\n      currency\n    }\n    protectedHoursAvailable\n    criteria {\n      id\n      name\n      guidance\n      weight\n      scaleMin\n      scaleMax\n    }\n    eligibility {\n      requiresInterInstitutionalTeam\n      maxTeamSize\n      allowedCareerStages\n    }\n  }\n": typeof types.CompetitionFieldsFragmentDoc,
    "\n  query Competitions {\n    competitions(first: 50) {\n      edges {\n        node {\n          id\n          title\n          phase\n          closesAt\n        }\n      }\n    }\n  }\n": typeof types.CompetitionsDocument,
    "\n  query Competition($id: ID!) {\n    competition(id: $id) {\n      ...CompetitionFields\n    }\n  }\n": typeof types.CompetitionDocument,
    "\n  query DashboardInstitutions {\n    institutions {\n      id\n      name\n    }\n  }\n": typeof types.DashboardInstitutionsDocument,
    "\n  fragment FunnelStepFields on FunnelStepFigure {\n    step\n    count\n    suppressed\n    fromPrevious\n    fromMembers\n  }\n": typeof types.FunnelStepFieldsFragmentDoc,
    "\n  query EngagementFunnel($input: EngagementFunnelInput!) {\n    engagementFunnel(input: $input) {\n      institutionId\n      granularity\n      splitBy\n      suppressionThreshold\n      buckets {\n        label\n        start\n        end\n        steps {\n          ...FunnelStepFields\n        }\n        groups {\n          group\n          steps {\n            ...FunnelStepFields\n          }\n        }\n        network {\n          step\n          count\n          suppressed\n        }\n      }\n    }\n  }\n": typeof types.EngagementFunnelDocument,
    "\n  query EngagementOverview($input: EngagementOverviewInput!) {\n    engagementOverview(input: $input) {\n      institutionId\n      suppressionThreshold\n      figures {\n        figure\n        count\n        suppressed\n        networkCount\n        networkSuppressed\n      }\n      rates {\n        rate\n        value\n        networkValue\n      }\n      collaboration {\n        institutionA\n        institutionB\n        proposals\n      }\n    }\n  }\n": typeof types.EngagementOverviewDocument,
    "\n  query InstitutionMembers($filter: MembersFilter) {\n    members(filter: $filter, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n": typeof types.InstitutionMembersDocument,
    "\n  query MemberEngagementRecord($memberId: ID!) {\n    memberEngagementRecord(memberId: $memberId) {\n      memberId\n      institutionId\n      careerStage\n      registeredAt\n      activities(first: 100) {\n        edges {\n          node {\n            activity\n            occurredAt\n            label\n          }\n        }\n      }\n    }\n  }\n": typeof types.MemberEngagementRecordDocument,
    "\n  fragment MetricFigureFields on MetricFigureValue {\n    figure\n    value\n    suppressed\n    networkValue\n    networkSuppressed\n  }\n": typeof types.MetricFigureFieldsFragmentDoc,
    "\n  fragment MetricRateFields on MetricRateValue {\n    rate\n    value\n    networkValue\n  }\n": typeof types.MetricRateFieldsFragmentDoc,
    "\n  query EngagementMetrics($input: EngagementMetricsInput!) {\n    engagementProgrammes(input: $input) {\n      institutionId\n      suppressionThreshold\n      buckets {\n        label\n        figures {\n          ...MetricFigureFields\n        }\n        rates {\n          ...MetricRateFields\n        }\n      }\n    }\n    engagementFunding(input: $input) {\n      institutionId\n      suppressionThreshold\n      buckets {\n        label\n        figures {\n          ...MetricFigureFields\n        }\n        rates {\n          ...MetricRateFields\n        }\n        money {\n          measure\n          fundId\n          currency\n          amount {\n            amountMinor\n            currency\n          }\n          suppressed\n          networkAmount {\n            amountMinor\n            currency\n          }\n          networkSuppressed\n        }\n      }\n      atRisk {\n        memberId\n        episodeStartedWeek\n      }\n    }\n  }\n": typeof types.EngagementMetricsDocument,
    "\n  fragment DemographicsFields on Demographics {\n    gender\n    ethnicityGroup\n    disability\n    firstGenerationHigherEducation\n    updatedAt\n  }\n": typeof types.DemographicsFieldsFragmentDoc,
    "\n  query MyDemographics {\n    myDemographics {\n      ...DemographicsFields\n    }\n  }\n": typeof types.MyDemographicsDocument,
    "\n  mutation RecordDemographics($input: DemographicsInput!) {\n    recordDemographics(input: $input) {\n      ...DemographicsFields\n    }\n  }\n": typeof types.RecordDemographicsDocument,
    "\n  mutation EraseMyDemographics {\n    eraseMyDemographics\n  }\n": typeof types.EraseMyDemographicsDocument,
    "\n  fragment MoneyFields on Money {\n    amountMinor\n    currency\n  }\n": typeof types.MoneyFieldsFragmentDoc,
    "\n  fragment AwardSummaryFields on Award {\n    id\n    title\n    status\n    amount {\n      ...MoneyFields\n    }\n    startsOn\n    endsOn\n    availableActions\n    principalInvestigator {\n      id\n      displayName\n    }\n  }\n": typeof types.AwardSummaryFieldsFragmentDoc,
    "\n  query MyAwards {\n    awards(first: 100) {\n      edges {\n        node {\n          ...AwardSummaryFields\n        }\n      }\n    }\n  }\n": typeof types.MyAwardsDocument,
    "\n  fragment AllocationFields on ProtectedTimeAllocation {\n    id\n    weeklyHours\n    from\n    to\n    status\n    member {\n      id\n      displayName\n    }\n  }\n": typeof types.AllocationFieldsFragmentDoc,
    "\n  query Award($id: ID!) {\n    award(id: $id) {\n      ...AwardSummaryFields\n      requested {\n        ...MoneyFields\n      }\n      cappedReason\n      requestedHours\n      team {\n        id\n        displayName\n      }\n      supervisor {\n        id\n        displayName\n      }\n      transitions {\n        action\n        from\n        to\n        at\n        reason\n        by {\n          displayName\n        }\n      }\n      budget {\n        lines {\n          category\n          budgeted {\n            ...MoneyFields\n          }\n          committed {\n            ...MoneyFields\n          }\n          paid {\n            ...MoneyFields\n          }\n          remaining {\n            ...MoneyFields\n          }\n        }\n        remaining {\n          ...MoneyFields\n        }\n        burn {\n          status\n          elapsedShare\n          spentShare\n        }\n      }\n      spendEntries(first: 100) {\n        edges {\n          node {\n            id\n            budgetLine\n            kind\n            amount {\n              ...MoneyFields\n            }\n            date\n            description\n            reference\n            reversesEntryId\n          }\n        }\n      }\n      protectedTime {\n        ...AllocationFields\n      }\n    }\n  }\n": typeof types.AwardDocument,
    "\n  mutation AcceptAward($id: ID!) {\n    acceptAward(id: $id) {\n      id\n      status\n      availableActions\n    }\n  }\n": typeof types.AcceptAwardDocument,
    "\n  mutation DeclineAward($id: ID!, $input: AwardDecisionInput) {\n    declineAward(id: $id, input: $input) {\n      id\n      status\n      availableActions\n    }\n  }\n": typeof types.DeclineAwardDocument,
    "\n  query MemberUtilisation($memberId: ID!, $from: String!, $to: String!) {\n    memberUtilisation(memberId: $memberId, from: $from, to: $to) {\n      atRisk\n      weeks {\n        week\n        allocatedHours\n        loggedHours\n        utilisation\n        complete\n      }\n    }\n  }\n": typeof types.MemberUtilisationDocument,
    "\n  mutation LogTime($input: LogTimeInput!) {\n    logTime(input: $input) {\n      id\n      date\n      hours\n    }\n  }\n": typeof types.LogTimeDocument,
    "\n  query ApprovalQueue {\n    awards(first: 100) {\n      edges {\n        node {\n          id\n          title\n          protectedTime {\n            ...AllocationFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ApprovalQueueDocument,
    "\n  mutation ApproveProtectedTime($allocationId: ID!) {\n    approveProtectedTime(allocationId: $allocationId) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveProtectedTimeDocument,
    "\n  query Funds {\n    funds {\n      id\n      name\n      source\n      currency\n      competitionId\n      balance {\n        total {\n          ...MoneyFields\n        }\n        committed {\n          ...MoneyFields\n        }\n        paid {\n          ...MoneyFields\n        }\n        available {\n          ...MoneyFields\n        }\n      }\n    }\n  }\n": typeof types.FundsDocument,
    "\n  mutation CreateFund($input: CreateFundInput!) {\n    createFund(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateFundDocument,
    "\n  fragment AssignmentFields on JudgeAssignment {\n    proposalId\n    competitionId\n    competitionTitle\n    blind\n    version\n    title\n    summary\n    aims\n    methods\n    expectedImpact\n    keywords\n    requestedFundingMoney {\n      amountMinor\n      currency\n    }\n    requestedHours\n    team {\n      id\n      displayName\n    }\n    review {\n      scores {\n        criterionId\n        value\n      }\n      comment\n      updatedAt\n    }\n  }\n": typeof types.AssignmentFieldsFragmentDoc,
    "\n  query MyAssignments {\n    myAssignments(first: 100) {\n      edges {\n        node {\n          proposalId\n          competitionId\n          competitionTitle\n          title\n          review {\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyAssignmentsDocument,
    "\n  query AssignedProposal($proposalId: ID!) {\n    assignedProposal(proposalId: $proposalId) {\n      ...AssignmentFields\n    }\n  }\n": typeof types.AssignedProposalDocument,
    "\n  mutation SubmitScores($input: SubmitScoresInput!) {\n    submitScores(input: $input) {\n      ...AssignmentFields\n    }\n  }\n": typeof types.SubmitScoresDocument,
    "\n  mutation DeclareConflict($proposalId: ID!, $reason: String!) {\n    declareConflict(proposalId: $proposalId, reason: $reason) {\n      id\n    }\n  }\n": typeof types.DeclareConflictDocument,
    "\n  query MyMastermindGroups {\n    myMastermindGroups(first: 100) {\n      edges {\n        node {\n          id\n          name\n          size\n          cadenceDays\n          facilitator {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyMastermindGroupsDocument,
    "\n  fragment NextStepFields on MastermindNextStep {\n    id\n    text\n    setAt\n    done\n    doneAt\n    member {\n      id\n      displayName\n    }\n  }\n": typeof types.NextStepFieldsFragmentDoc,
    "\n  query MastermindGroup($id: ID!) {\n    mastermindGroup(id: $id) {\n      id\n      name\n      size\n      cadenceDays\n      distinctStages\n      facilitator {\n        id\n        displayName\n      }\n      members {\n        id\n        displayName\n      }\n      stageMix {\n        stage\n        count\n      }\n      openNextSteps {\n        ...NextStepFields\n      }\n    }\n    mastermindSessions(groupId: $id, first: 100) {\n      edges {\n        node {\n          id\n          heldAt\n          resources\n          referrals\n          ratingCount\n          averageRating\n          myRating\n          attendees {\n            id\n            displayName\n          }\n          nextSteps {\n            ...NextStepFields\n          }\n          carriedOver {\n            ...NextStepFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.MastermindGroupDocument,
    "\n  mutation RecordMastermindSession($groupId: ID!, $input: MastermindSessionInput!) {\n    recordMastermindSession(groupId: $groupId, input: $input) {\n      id\n    }\n  }\n": typeof types.RecordMastermindSessionDocument,
    "\n  mutation RateSession($sessionId: ID!, $rating: Int!) {\n    rateSession(sessionId: $sessionId, rating: $rating) {\n      id\n      ratingCount\n      averageRating\n      myRating\n    }\n  }\n": typeof types.RateSessionDocument,
    "\n  mutation ReportNextStepDone($stepId: ID!) {\n    reportNextStepDone(stepId: $stepId) {\n      ...NextStepFields\n    }\n  }\n": typeof types.ReportNextStepDoneDocument,
    "\n  query MentoringHome {\n    myMenteeProfile {\n      goals\n      interests\n      preferredMentorStages\n      preferOtherInstitution\n    }\n    myMentorProfile {\n      capacity\n      activeMentees\n      expertise\n      interests\n      acceptsDirectRequests\n      paused\n    }\n    myRelationships(first: 100) {\n      edges {\n        node {\n          id\n          status\n          health\n          kind\n          startedAt\n          mentor {\n            id\n            displayName\n          }\n          mentee {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.MentoringHomeDocument,
    "\n  query MentorSuggestions {\n    mentorSuggestions(first: 5) {\n      score\n      remainingCapacity\n      mentor {\n        id\n        displayName\n        careerStage\n        institution {\n          name\n        }\n      }\n      reasons {\n        kind\n        detail\n        points\n      }\n    }\n  }\n": typeof types.MentorSuggestionsDocument,
    "\n  mutation UpsertMenteeProfile($input: MenteeProfileInput!) {\n    upsertMenteeProfile(input: $input) {\n      goals\n    }\n  }\n": typeof types.UpsertMenteeProfileDocument,
    "\n  mutation UpsertMentorProfile($input: MentorProfileInput!) {\n    upsertMentorProfile(input: $input) {\n      capacity\n    }\n  }\n": typeof types.UpsertMentorProfileDocument,
    "\n  mutation RequestMentor($input: RequestMentorInput!) {\n    requestMentor(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RequestMentorDocument,
    "\n  fragment RelationshipFields on Relationship {\n    id\n    status\n    health\n    kind\n    startedAt\n    lastCheckInAt\n    requestMessage\n    responseMessage\n    mentor {\n      id\n      displayName\n    }\n    mentee {\n      id\n      displayName\n    }\n    agreement {\n      goals\n      meetingCadenceDays\n      endsAt\n      mentorAgreed\n      menteeAgreed\n      agreed\n    }\n    checkIns(first: 100) {\n      edges {\n        node {\n          id\n          heldAt\n          progress\n          nextSteps\n          loggedBy {\n            displayName\n          }\n        }\n      }\n    }\n    feedback(first: 100) {\n      edges {\n        node {\n          id\n          side\n          period\n          rating\n          comment\n          author {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.RelationshipFieldsFragmentDoc,
    "\n  query Relationship($id: ID!) {\n    relationship(id: $id) {\n      ...RelationshipFields\n    }\n  }\n": typeof types.RelationshipDocument,
    "\n  mutation RespondToRequest($id: ID!, $accept: Boolean!, $message: String) {\n    respondToRequest(id: $id, accept: $accept, message: $message) {\n      ...RelationshipFields\n    }\n  }\n": typeof types.RespondToRequestDocument,
    "\n  mutation LogCheckIn($relationshipId: ID!, $input: CheckInInput!) {\n    logCheckIn(relationshipId: $relationshipId, input: $input) {\n      id\n    }\n  }\n": typeof types.LogCheckInDocument,
    "\n  mutation GiveFeedback($relationshipId: ID!, $input: FeedbackInput!) {\n    giveFeedback(relationshipId: $relationshipId, input: $input) {\n      offerRePairing\n    }\n  }\n": typeof types.GiveFeedbackDocument,
    "\n  mutation SetAgreement($relationshipId: ID!, $input: AgreementInput!) {\n    setAgreement(relationshipId: $relationshipId, input: $input) {\n      ...RelationshipFields\n    }\n  }\n": typeof types.SetAgreementDocument,
    "\n  mutation AgreeToAgreement($relationshipId: ID!) {\n    agreeToAgreement(relationshipId: $relationshipId) {\n      ...RelationshipFields\n    }\n  }\n": typeof types.AgreeToAgreementDocument,
    "\n  query MyProfile {\n    me {\n      id\n      displayName\n      email\n      careerStage\n      specialty\n      interests\n      joinedAt\n      institutionId\n      institution {\n        id\n        name\n      }\n      roles {\n        role\n        institutionId\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n      careerStageChanges {\n        id\n        status\n        reason\n        toStage\n      }\n    }\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      displayName\n      careerStage\n      specialty\n      interests\n      institutionId\n      institution {\n        id\n        name\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n      careerStageChanges {\n        id\n        status\n        reason\n        toStage\n      }\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  fragment ProposalFields on Proposal {\n    id\n    competitionId\n    status\n    title\n    summary\n    aims\n    methods\n    expectedImpact\n    keywords\n    requestedFundingMoney {\n      amountMinor\n      currency\n    }\n    requestedHours\n    submittedVersion\n    firstSubmittedAt\n    updatedAt\n    leadApplicant {\n      id\n      displayName\n    }\n    team {\n      id\n      displayName\n      institutionId\n      careerStage\n      institution {\n        name\n      }\n    }\n    invitations {\n      status\n      invitedAt\n      answeredAt\n      member {\n        id\n        displayName\n      }\n    }\n    result {\n      rank\n      isWinner\n      normalisedScore\n      meanRawScore\n      reviewCount\n    }\n    feedback {\n      reviewer\n      total\n      comment\n      scores {\n        criterionId\n        value\n      }\n    }\n  }\n": typeof types.ProposalFieldsFragmentDoc,
    "\n  query Proposal($id: ID!) {\n    proposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n": typeof types.ProposalDocument,
    "\n  query MyProposals {\n    myProposals(first: 100) {\n      edges {\n        node {\n          id\n          title\n          status\n          competitionId\n          submittedVersion\n          updatedAt\n        }\n      }\n    }\n    myTeamInvitations(first: 100) {\n      edges {\n        node {\n          proposalId\n          proposalTitle\n          status\n          invitedAt\n          leadApplicant {\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyProposalsDocument,
    "\n  mutation SaveProposalDraft($input: SaveProposalDraftInput!) {\n    saveProposalDraft(input: $input) {\n      ...ProposalFields\n    }\n  }\n": typeof types.SaveProposalDraftDocument,
    "\n  mutation SubmitProposal($id: ID!) {\n    submitProposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n": typeof types.SubmitProposalDocument,
    "\n  mutation WithdrawProposal($id: ID!) {\n    withdrawProposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n": typeof types.WithdrawProposalDocument,
    "\n  mutation InviteTeamMember($proposalId: ID!, $memberId: ID!) {\n    inviteTeamMember(proposalId: $proposalId, memberId: $memberId) {\n      proposalId\n      status\n    }\n  }\n": typeof types.InviteTeamMemberDocument,
    "\n  mutation AcceptTeamInvitation($proposalId: ID!) {\n    acceptTeamInvitation(proposalId: $proposalId) {\n      proposalId\n      status\n    }\n  }\n": typeof types.AcceptTeamInvitationDocument,
    "\n  mutation DeclineTeamInvitation($proposalId: ID!) {\n    declineTeamInvitation(proposalId: $proposalId) {\n      proposalId\n      status\n    }\n  }\n": typeof types.DeclineTeamInvitationDocument,
    "\n  query MemberSearch($nameContains: String!) {\n    members(filter: { nameContains: $nameContains }, first: 8) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n          institution {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MemberSearchDocument,
    "\n  fragment WorkshopFields on CoachingWorkshop {\n    id\n    title\n    startsAt\n    durationMinutes\n    capacity\n    eligibleStages\n    enrolledCount\n    waitlistCount\n    heldAt\n    coach {\n      id\n      displayName\n    }\n    myEnrolment {\n      status\n      waitlistPosition\n    }\n  }\n": typeof types.WorkshopFieldsFragmentDoc,
    "\n  query UpcomingWorkshops {\n    upcomingCoachingWorkshops(first: 100) {\n      edges {\n        node {\n          ...WorkshopFields\n        }\n      }\n    }\n  }\n": typeof types.UpcomingWorkshopsDocument,
    "\n  query Workshop($id: ID!) {\n    coachingWorkshop(id: $id) {\n      ...WorkshopFields\n      enrolments {\n        status\n        waitlistPosition\n        member {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n": typeof types.WorkshopDocument,
    "\n  mutation EnrolInWorkshop($id: ID!) {\n    enrolInWorkshop(id: $id) {\n      workshopId\n      status\n      waitlistPosition\n    }\n  }\n": typeof types.EnrolInWorkshopDocument,
    "\n  mutation WithdrawFromWorkshop($id: ID!) {\n    withdrawFromWorkshop(id: $id) {\n      workshopId\n    }\n  }\n": typeof types.WithdrawFromWorkshopDocument,
    "\n  mutation MarkWorkshopHeld($id: ID!) {\n    markWorkshopHeld(id: $id) {\n      ...WorkshopFields\n    }\n  }\n": typeof types.MarkWorkshopHeldDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    tokenExpiresAt\n    member {\n      id\n      displayName\n      roles {\n        role\n        institutionId\n      }\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": typeof types.LogoutEverywhereDocument,
};
const documents: Documents = {
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  query AdminCompetitions {\n    competitions(first: 100) {\n      edges {\n        node {\n          id\n          title\n          phase\n          opensAt\n          closesAt\n          judgingEndsAt\n        }\n      }\n    }\n  }\n": types.AdminCompetitionsDocument,
    "\n  mutation CreateCompetition($input: CreateCompetitionInput!) {\n    createCompetition(input: $input) {\n      id\n    }\n  }\n": types.CreateCompetitionDocument,
    "\n  query AdminCompetition($id: ID!) {\n    competition(id: $id) {\n      ...CompetitionFields\n      nextPhases\n      reviewsPerEntry\n      judgeMaxLoad\n    }\n    competitionJudges(competitionId: $id, first: 100) {\n      edges {\n        node {\n          judge {\n            id\n            displayName\n          }\n          addedAt\n        }\n      }\n    }\n  }\n": types.AdminCompetitionDocument,
    "\n  query CompetitionRanking($id: ID!) {\n    competitionRanking(competitionId: $id) {\n      published\n      entries {\n        rank\n        proposalId\n        title\n        normalisedScore\n        meanRawScore\n        reviewCount\n        isWinner\n      }\n    }\n  }\n": types.CompetitionRankingDocument,
    "\n  mutation AdminOpenCompetition($id: ID!) {\n    openCompetition(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n": types.AdminOpenCompetitionDocument,
    "\n  mutation AdminStartJudging($id: ID!) {\n    startJudging(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n": types.AdminStartJudgingDocument,
    "\n  mutation AdminPublishResults($id: ID!) {\n    publishResults(competitionId: $id) {\n      id\n      phase\n      nextPhases\n      resultsPublishedAt\n    }\n  }\n": types.AdminPublishResultsDocument,
    "\n  mutation AdminCancelCompetition($id: ID!) {\n    cancelCompetition(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n": types.AdminCancelCompetitionDocument,
    "\n  query JudgeSearch($nameContains: String!) {\n    members(filter: { nameContains: $nameContains, role: JUDGE }, first: 8) {\n      edges {\n        node {\n          id\n          displayName\n          institution {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.JudgeSearchDocument,
    "\n  mutation AddJudge($competitionId: ID!, $memberId: ID!) {\n    addJudge(competitionId: $competitionId, memberId: $memberId) {\n      addedAt\n    }\n  }\n": types.AddJudgeDocument,
    "\n  mutation AssignJudges($competitionId: ID!) {\n    assignJudges(competitionId: $competitionId) {\n      minLoad\n      maxLoad\n      keptStarted\n      assignments {\n        proposalId\n        judgeId\n      }\n    }\n  }\n": types.AssignJudgesDocument,
    "\n  query AdminInstitutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": types.AdminInstitutionsDocument,
    "\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) {\n      id\n      name\n      country\n    }\n  }\n": types.CreateInstitutionDocument,
    "\n  fragment MemberRoles on Member {\n    id\n    displayName\n    careerStage\n    institutionId\n    roles {\n      role\n      institutionId\n    }\n  }\n": types.MemberRolesFragmentDoc,
    "\n  query FindMembers($filter: MembersFilter!) {\n    members(filter: $filter, first: 20) {\n      edges {\n        node {\n          ...MemberRoles\n        }\n      }\n    }\n  }\n": types.FindMembersDocument,
    "\n  mutation GrantRole($memberId: ID!, $role: Role!, $institutionId: ID) {\n    grantRole(memberId: $memberId, role: $role, institutionId: $institutionId) {\n      ...MemberRoles\n    }\n  }\n": types.GrantRoleDocument,
    "\n  mutation RevokeRole($memberId: ID!, $role: Role!, $institutionId: ID) {\n    revokeRole(memberId: $memberId, role: $role, institutionId: $institutionId) {\n      ...MemberRoles\n    }\n  }\n": types.RevokeRoleDocument,
    "\n  query CompetitionReview($competitionId: ID!) {\n    competition(id: $competitionId) {\n      id\n      title\n      phase\n    }\n    competitionJudges(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          judge {\n            id\n            displayName\n          }\n        }\n      }\n    }\n    competitionEntries(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n    competitionConflicts(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          id\n          proposalId\n          judgeId\n          kind\n          reason\n          recordedAt\n          reviewStatus\n          reviewReason\n          reviewedAt\n        }\n      }\n    }\n    competitionAssignments(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          proposalId\n          judgeId\n          origin\n          reviewStarted\n          assignedAt\n        }\n      }\n    }\n  }\n": types.CompetitionReviewDocument,
    "\n  mutation ReviewNamedConflict($conflictId: ID!, $decision: NamedConflictDecision!, $reason: String!) {\n    reviewNamedConflict(conflictId: $conflictId, decision: $decision, reason: $reason) {\n      id\n      reviewStatus\n      reviewReason\n      reviewedAt\n    }\n  }\n": types.ReviewNamedConflictDocument,
    "\n  mutation AssignJudge($proposalId: ID!, $judgeId: ID!) {\n    assignJudge(proposalId: $proposalId, judgeId: $judgeId) {\n      proposalId\n      judgeId\n    }\n  }\n": types.AssignJudgeDocument,
    "\n  mutation UnassignJudge($proposalId: ID!, $judgeId: ID!, $discardStartedReview: Boolean!) {\n    unassignJudge(proposalId: $proposalId, judgeId: $judgeId, discardStartedReview: $discardStartedReview)\n  }\n": types.UnassignJudgeDocument,
    "\n  fragment MatchRunFields on MatchRun {\n    id\n    status\n    totalScore\n    createdAt\n    approvedAt\n    proposals {\n      id\n      score\n      edited\n      relationshipId\n      mentee {\n        id\n        displayName\n      }\n      mentor {\n        id\n        displayName\n      }\n      reasons {\n        kind\n        detail\n        points\n      }\n    }\n    unmatched {\n      reason\n      detail\n      mentee {\n        id\n        displayName\n      }\n    }\n  }\n": types.MatchRunFieldsFragmentDoc,
    "\n  query MatchingCandidates {\n    mentors: members(filter: { role: MENTOR }, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n    everyone: members(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n": types.MatchingCandidatesDocument,
    "\n  mutation RunMatching($input: RunMatchingInput!) {\n    runMatching(input: $input) {\n      ...MatchRunFields\n    }\n  }\n": types.RunMatchingDocument,
    "\n  query MatchRun($id: ID!) {\n    matchRun(id: $id) {\n      ...MatchRunFields\n    }\n  }\n": types.MatchRunDocument,
    "\n  mutation EditMatchProposal($runId: ID!, $menteeId: ID!, $mentorId: ID) {\n    editMatchProposal(runId: $runId, menteeId: $menteeId, mentorId: $mentorId) {\n      ...MatchRunFields\n    }\n  }\n": types.EditMatchProposalDocument,
    "\n  mutation ApproveMatchRun($runId: ID!) {\n    approveMatchRun(runId: $runId) {\n      ...MatchRunFields\n    }\n  }\n": types.ApproveMatchRunDocument,
    "\n  query SupervisionProposals {\n    supervisionProposals(first: 100) {\n      edges {\n        node {\n          id\n          competitionId\n          proposalTitle\n          score\n          status\n          relationshipId\n          mentee {\n            id\n            displayName\n          }\n          mentor {\n            id\n            displayName\n          }\n          reasons {\n            kind\n            detail\n            points\n          }\n        }\n      }\n    }\n    mentors: members(filter: { role: MENTOR }, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.SupervisionProposalsDocument,
    "\n  mutation ConfirmSupervision($id: ID!, $mentorId: ID) {\n    confirmSupervision(id: $id, mentorId: $mentorId) {\n      id\n      status\n      relationshipId\n      mentor {\n        id\n        displayName\n      }\n    }\n  }\n": types.ConfirmSupervisionDocument,
    "\n  query Institutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": types.InstitutionsDocument,
    "\n  query Communities {\n    communities(first: 100) {\n      edges {\n        node {\n          ...CommunityFields\n        }\n      }\n    }\n  }\n": types.CommunitiesDocument,
    "\n  fragment CommunityFields on Community {\n    id\n    name\n    description\n    interests\n    memberCount\n    viewerIsMember\n    viewerIsModerator\n  }\n": types.CommunityFieldsFragmentDoc,
    "\n  query Community($id: ID!) {\n    community(id: $id) {\n      ...CommunityFields\n      moderators {\n        id\n        displayName\n      }\n    }\n    programmes(communityId: $id, first: 100) {\n      edges {\n        node {\n          ...ProgrammeSummary\n        }\n      }\n    }\n  }\n": types.CommunityDocument,
    "\n  query CommunityFeed($communityId: ID!, $after: String) {\n    communityAnnouncements(communityId: $communityId, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          body\n          link\n          postedAt\n          author {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.CommunityFeedDocument,
    "\n  mutation JoinCommunity($id: ID!) {\n    joinCommunity(id: $id) {\n      ...CommunityFields\n    }\n  }\n": types.JoinCommunityDocument,
    "\n  mutation LeaveCommunity($id: ID!) {\n    leaveCommunity(id: $id) {\n      ...CommunityFields\n    }\n  }\n": types.LeaveCommunityDocument,
    "\n  fragment ProgrammeSummary on Programme {\n    id\n    title\n    description\n    mode\n    audience\n    capacity\n    applicationOpensAt\n    applicationClosesAt\n    sessions {\n      id\n      startsAt\n    }\n  }\n": types.ProgrammeSummaryFragmentDoc,
    "\n  fragment ApplicationFields on MyProgrammeApplication {\n    id\n    programmeId\n    status\n    appliedAt\n    waitlistPosition\n    offerExpiresAt\n    decidedAt\n  }\n": types.ApplicationFieldsFragmentDoc,
    "\n  query Programmes {\n    programmes(first: 100) {\n      edges {\n        node {\n          ...ProgrammeSummary\n        }\n      }\n    }\n    myApplications {\n      ...ApplicationFields\n    }\n  }\n": types.ProgrammesDocument,
    "\n  query Programme($id: ID!) {\n    programme(id: $id) {\n      ...ProgrammeSummary\n      communityId\n      competitionId\n      certificateMinSharePercent\n      viewerIsOrganiser\n      reflectionQuestions {\n        id\n        prompt\n      }\n      sessions {\n        id\n        position\n        theme\n        startsAt\n        endsAt\n        timeZone\n        localStart\n        durationMinutes\n        joiningLink\n        sessionCode\n        speakers {\n          name\n          role\n        }\n      }\n      myApplication {\n        ...ApplicationFields\n        motivation\n      }\n      myAttendance\n      myReflectionSubmitted\n      myCertificate {\n        ...CertificateFields\n      }\n    }\n  }\n": types.ProgrammeDocument,
    "\n  query CertificateEligibility($id: ID!) {\n    programme(id: $id) {\n      id\n      myCertificateEligibility {\n        eligible\n        attended\n        held\n        required\n      }\n    }\n  }\n": types.CertificateEligibilityDocument,
    "\n  fragment CertificateFields on Certificate {\n    id\n    programmeId\n    verificationCode\n    verificationUrl\n    memberName\n    programmeTitle\n    sessionsHeld\n    issuedAt\n    sessionsAttended {\n      theme\n      startsAt\n    }\n  }\n": types.CertificateFieldsFragmentDoc,
    "\n  mutation ApplyToProgramme($programmeId: ID!, $input: ApplyToProgrammeInput!) {\n    applyToProgramme(programmeId: $programmeId, input: $input) {\n      ...ApplicationFields\n    }\n  }\n": types.ApplyToProgrammeDocument,
    "\n  mutation RespondToPlace($applicationId: ID!, $action: ApplicantAction!) {\n    respondToPlace(applicationId: $applicationId, action: $action) {\n      ...ApplicationFields\n    }\n  }\n": types.RespondToPlaceDocument,
    "\n  mutation RecordMyAttendance($sessionId: ID!, $code: String!) {\n    recordMyAttendance(sessionId: $sessionId, code: $code) {\n      sessionId\n      recorded\n      alreadyRecorded\n    }\n  }\n": types.RecordMyAttendanceDocument,
    "\n  mutation SubmitReflection($programmeId: ID!, $input: SubmitReflectionInput!) {\n    submitReflection(programmeId: $programmeId, input: $input) {\n      programmeId\n      submittedOn\n    }\n  }\n": types.SubmitReflectionDocument,
    "\n  mutation RequestCertificate($programmeId: ID!) {\n    requestCertificate(programmeId: $programmeId) {\n      ...CertificateFields\n    }\n  }\n": types.RequestCertificateDocument,
    "\n  query CertificatePdf($id: ID!) {\n    programme(id: $id) {\n      id\n      myCertificatePdf {\n        filename\n        contentType\n        base64\n      }\n    }\n  }\n": types.CertificatePdfDocument,
    "\n  query MyCertificates {\n    programmes(first: 100) {\n      edges {\n        node {\n          id\n          myCertificate {\n            ...CertificateFields\n          }\n        }\n      }\n    }\n  }\n": types.MyCertificatesDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      valid\n      memberName\n      programmeTitle\n    }\n  }\n": types.VerifyCertificateDocument,
    "\n  fragment CompetitionFields on Competition {\n    id\n    title\n    description\n    phase\n    opensAt\n    closesAt\n    judgingEndsAt\n    resultsPublishedAt\n    blind\n    winnersCount\n    currency\n    fundingAvailableMoney {\n      amountMinor\n      currency\n    }\n    protectedHoursAvailable\n    criteria {\n      id\n      name\n      guidance\n      weight\n      scaleMin\n      scaleMax\n    }\n    eligibility {\n      requiresInterInstitutionalTeam\n      maxTeamSize\n      allowedCareerStages\n    }\n  }\n": types.CompetitionFieldsFragmentDoc,
    "\n  query Competitions {\n    competitions(first: 50) {\n      edges {\n        node {\n          id\n          title\n          phase\n          closesAt\n        }\n      }\n    }\n  }\n": types.CompetitionsDocument,
    "\n  query Competition($id: ID!) {\n    competition(id: $id) {\n      ...CompetitionFields\n    }\n  }\n": types.CompetitionDocument,
    "\n  query DashboardInstitutions {\n    institutions {\n      id\n      name\n    }\n  }\n": types.DashboardInstitutionsDocument,
    "\n  fragment FunnelStepFields on FunnelStepFigure {\n    step\n    count\n    suppressed\n    fromPrevious\n    fromMembers\n  }\n": types.FunnelStepFieldsFragmentDoc,
    "\n  query EngagementFunnel($input: EngagementFunnelInput!) {\n    engagementFunnel(input: $input) {\n      institutionId\n      granularity\n      splitBy\n      suppressionThreshold\n      buckets {\n        label\n        start\n        end\n        steps {\n          ...FunnelStepFields\n        }\n        groups {\n          group\n          steps {\n            ...FunnelStepFields\n          }\n        }\n        network {\n          step\n          count\n          suppressed\n        }\n      }\n    }\n  }\n": types.EngagementFunnelDocument,
    "\n  query EngagementOverview($input: EngagementOverviewInput!) {\n    engagementOverview(input: $input) {\n      institutionId\n      suppressionThreshold\n      figures {\n        figure\n        count\n        suppressed\n        networkCount\n        networkSuppressed\n      }\n      rates {\n        rate\n        value\n        networkValue\n      }\n      collaboration {\n        institutionA\n        institutionB\n        proposals\n      }\n    }\n  }\n": types.EngagementOverviewDocument,
    "\n  query InstitutionMembers($filter: MembersFilter) {\n    members(filter: $filter, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n": types.InstitutionMembersDocument,
    "\n  query MemberEngagementRecord($memberId: ID!) {\n    memberEngagementRecord(memberId: $memberId) {\n      memberId\n      institutionId\n      careerStage\n      registeredAt\n      activities(first: 100) {\n        edges {\n          node {\n            activity\n            occurredAt\n            label\n          }\n        }\n      }\n    }\n  }\n": types.MemberEngagementRecordDocument,
    "\n  fragment MetricFigureFields on MetricFigureValue {\n    figure\n    value\n    suppressed\n    networkValue\n    networkSuppressed\n  }\n": types.MetricFigureFieldsFragmentDoc,
    "\n  fragment MetricRateFields on MetricRateValue {\n    rate\n    value\n    networkValue\n  }\n": types.MetricRateFieldsFragmentDoc,
    "\n  query EngagementMetrics($input: EngagementMetricsInput!) {\n    engagementProgrammes(input: $input) {\n      institutionId\n      suppressionThreshold\n      buckets {\n        label\n        figures {\n          ...MetricFigureFields\n        }\n        rates {\n          ...MetricRateFields\n        }\n      }\n    }\n    engagementFunding(input: $input) {\n      institutionId\n      suppressionThreshold\n      buckets {\n        label\n        figures {\n          ...MetricFigureFields\n        }\n        rates {\n          ...MetricRateFields\n        }\n        money {\n          measure\n          fundId\n          currency\n          amount {\n            amountMinor\n            currency\n          }\n          suppressed\n          networkAmount {\n            amountMinor\n            currency\n          }\n          networkSuppressed\n        }\n      }\n      atRisk {\n        memberId\n        episodeStartedWeek\n      }\n    }\n  }\n": types.EngagementMetricsDocument,
    "\n  fragment DemographicsFields on Demographics {\n    gender\n    ethnicityGroup\n    disability\n    firstGenerationHigherEducation\n    updatedAt\n  }\n": types.DemographicsFieldsFragmentDoc,
    "\n  query MyDemographics {\n    myDemographics {\n      ...DemographicsFields\n    }\n  }\n": types.MyDemographicsDocument,
    "\n  mutation RecordDemographics($input: DemographicsInput!) {\n    recordDemographics(input: $input) {\n      ...DemographicsFields\n    }\n  }\n": types.RecordDemographicsDocument,
    "\n  mutation EraseMyDemographics {\n    eraseMyDemographics\n  }\n": types.EraseMyDemographicsDocument,
    "\n  fragment MoneyFields on Money {\n    amountMinor\n    currency\n  }\n": types.MoneyFieldsFragmentDoc,
    "\n  fragment AwardSummaryFields on Award {\n    id\n    title\n    status\n    amount {\n      ...MoneyFields\n    }\n    startsOn\n    endsOn\n    availableActions\n    principalInvestigator {\n      id\n      displayName\n    }\n  }\n": types.AwardSummaryFieldsFragmentDoc,
    "\n  query MyAwards {\n    awards(first: 100) {\n      edges {\n        node {\n          ...AwardSummaryFields\n        }\n      }\n    }\n  }\n": types.MyAwardsDocument,
    "\n  fragment AllocationFields on ProtectedTimeAllocation {\n    id\n    weeklyHours\n    from\n    to\n    status\n    member {\n      id\n      displayName\n    }\n  }\n": types.AllocationFieldsFragmentDoc,
    "\n  query Award($id: ID!) {\n    award(id: $id) {\n      ...AwardSummaryFields\n      requested {\n        ...MoneyFields\n      }\n      cappedReason\n      requestedHours\n      team {\n        id\n        displayName\n      }\n      supervisor {\n        id\n        displayName\n      }\n      transitions {\n        action\n        from\n        to\n        at\n        reason\n        by {\n          displayName\n        }\n      }\n      budget {\n        lines {\n          category\n          budgeted {\n            ...MoneyFields\n          }\n          committed {\n            ...MoneyFields\n          }\n          paid {\n            ...MoneyFields\n          }\n          remaining {\n            ...MoneyFields\n          }\n        }\n        remaining {\n          ...MoneyFields\n        }\n        burn {\n          status\n          elapsedShare\n          spentShare\n        }\n      }\n      spendEntries(first: 100) {\n        edges {\n          node {\n            id\n            budgetLine\n            kind\n            amount {\n              ...MoneyFields\n            }\n            date\n            description\n            reference\n            reversesEntryId\n          }\n        }\n      }\n      protectedTime {\n        ...AllocationFields\n      }\n    }\n  }\n": types.AwardDocument,
    "\n  mutation AcceptAward($id: ID!) {\n    acceptAward(id: $id) {\n      id\n      status\n      availableActions\n    }\n  }\n": types.AcceptAwardDocument,
    "\n  mutation DeclineAward($id: ID!, $input: AwardDecisionInput) {\n    declineAward(id: $id, input: $input) {\n      id\n      status\n      availableActions\n    }\n  }\n": types.DeclineAwardDocument,
    "\n  query MemberUtilisation($memberId: ID!, $from: String!, $to: String!) {\n    memberUtilisation(memberId: $memberId, from: $from, to: $to) {\n      atRisk\n      weeks {\n        week\n        allocatedHours\n        loggedHours\n        utilisation\n        complete\n      }\n    }\n  }\n": types.MemberUtilisationDocument,
    "\n  mutation LogTime($input: LogTimeInput!) {\n    logTime(input: $input) {\n      id\n      date\n      hours\n    }\n  }\n": types.LogTimeDocument,
    "\n  query ApprovalQueue {\n    awards(first: 100) {\n      edges {\n        node {\n          id\n          title\n          protectedTime {\n            ...AllocationFields\n          }\n        }\n      }\n    }\n  }\n": types.ApprovalQueueDocument,
    "\n  mutation ApproveProtectedTime($allocationId: ID!) {\n    approveProtectedTime(allocationId: $allocationId) {\n      id\n      status\n    }\n  }\n": types.ApproveProtectedTimeDocument,
    "\n  query Funds {\n    funds {\n      id\n      name\n      source\n      currency\n      competitionId\n      balance {\n        total {\n          ...MoneyFields\n        }\n        committed {\n          ...MoneyFields\n        }\n        paid {\n          ...MoneyFields\n        }\n        available {\n          ...MoneyFields\n        }\n      }\n    }\n  }\n": types.FundsDocument,
    "\n  mutation CreateFund($input: CreateFundInput!) {\n    createFund(input: $input) {\n      id\n    }\n  }\n": types.CreateFundDocument,
    "\n  fragment AssignmentFields on JudgeAssignment {\n    proposalId\n    competitionId\n    competitionTitle\n    blind\n    version\n    title\n    summary\n    aims\n    methods\n    expectedImpact\n    keywords\n    requestedFundingMoney {\n      amountMinor\n      currency\n    }\n    requestedHours\n    team {\n      id\n      displayName\n    }\n    review {\n      scores {\n        criterionId\n        value\n      }\n      comment\n      updatedAt\n    }\n  }\n": types.AssignmentFieldsFragmentDoc,
    "\n  query MyAssignments {\n    myAssignments(first: 100) {\n      edges {\n        node {\n          proposalId\n          competitionId\n          competitionTitle\n          title\n          review {\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n": types.MyAssignmentsDocument,
    "\n  query AssignedProposal($proposalId: ID!) {\n    assignedProposal(proposalId: $proposalId) {\n      ...AssignmentFields\n    }\n  }\n": types.AssignedProposalDocument,
    "\n  mutation SubmitScores($input: SubmitScoresInput!) {\n    submitScores(input: $input) {\n      ...AssignmentFields\n    }\n  }\n": types.SubmitScoresDocument,
    "\n  mutation DeclareConflict($proposalId: ID!, $reason: String!) {\n    declareConflict(proposalId: $proposalId, reason: $reason) {\n      id\n    }\n  }\n": types.DeclareConflictDocument,
    "\n  query MyMastermindGroups {\n    myMastermindGroups(first: 100) {\n      edges {\n        node {\n          id\n          name\n          size\n          cadenceDays\n          facilitator {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.MyMastermindGroupsDocument,
    "\n  fragment NextStepFields on MastermindNextStep {\n    id\n    text\n    setAt\n    done\n    doneAt\n    member {\n      id\n      displayName\n    }\n  }\n": types.NextStepFieldsFragmentDoc,
    "\n  query MastermindGroup($id: ID!) {\n    mastermindGroup(id: $id) {\n      id\n      name\n      size\n      cadenceDays\n      distinctStages\n      facilitator {\n        id\n        displayName\n      }\n      members {\n        id\n        displayName\n      }\n      stageMix {\n        stage\n        count\n      }\n      openNextSteps {\n        ...NextStepFields\n      }\n    }\n    mastermindSessions(groupId: $id, first: 100) {\n      edges {\n        node {\n          id\n          heldAt\n          resources\n          referrals\n          ratingCount\n          averageRating\n          myRating\n          attendees {\n            id\n            displayName\n          }\n          nextSteps {\n            ...NextStepFields\n          }\n          carriedOver {\n            ...NextStepFields\n          }\n        }\n      }\n    }\n  }\n": types.MastermindGroupDocument,
    "\n  mutation RecordMastermindSession($groupId: ID!, $input: MastermindSessionInput!) {\n    recordMastermindSession(groupId: $groupId, input: $input) {\n      id\n    }\n  }\n": types.RecordMastermindSessionDocument,
    "\n  mutation RateSession($sessionId: ID!, $rating: Int!) {\n    rateSession(sessionId: $sessionId, rating: $rating) {\n      id\n      ratingCount\n      averageRating\n      myRating\n    }\n  }\n": types.RateSessionDocument,
    "\n  mutation ReportNextStepDone($stepId: ID!) {\n    reportNextStepDone(stepId: $stepId) {\n      ...NextStepFields\n    }\n  }\n": types.ReportNextStepDoneDocument,
    "\n  query MentoringHome {\n    myMenteeProfile {\n      goals\n      interests\n      preferredMentorStages\n      preferOtherInstitution\n    }\n    myMentorProfile {\n      capacity\n      activeMentees\n      expertise\n      interests\n      acceptsDirectRequests\n      paused\n    }\n    myRelationships(first: 100) {\n      edges {\n        node {\n          id\n          status\n          health\n          kind\n          startedAt\n          mentor {\n            id\n            displayName\n          }\n          mentee {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.MentoringHomeDocument,
    "\n  query MentorSuggestions {\n    mentorSuggestions(first: 5) {\n      score\n      remainingCapacity\n      mentor {\n        id\n        displayName\n        careerStage\n        institution {\n          name\n        }\n      }\n      reasons {\n        kind\n        detail\n        points\n      }\n    }\n  }\n": types.MentorSuggestionsDocument,
    "\n  mutation UpsertMenteeProfile($input: MenteeProfileInput!) {\n    upsertMenteeProfile(input: $input) {\n      goals\n    }\n  }\n": types.UpsertMenteeProfileDocument,
    "\n  mutation UpsertMentorProfile($input: MentorProfileInput!) {\n    upsertMentorProfile(input: $input) {\n      capacity\n    }\n  }\n": types.UpsertMentorProfileDocument,
    "\n  mutation RequestMentor($input: RequestMentorInput!) {\n    requestMentor(input: $input) {\n      id\n      status\n    }\n  }\n": types.RequestMentorDocument,
    "\n  fragment RelationshipFields on Relationship {\n    id\n    status\n    health\n    kind\n    startedAt\n    lastCheckInAt\n    requestMessage\n    responseMessage\n    mentor {\n      id\n      displayName\n    }\n    mentee {\n      id\n      displayName\n    }\n    agreement {\n      goals\n      meetingCadenceDays\n      endsAt\n      mentorAgreed\n      menteeAgreed\n      agreed\n    }\n    checkIns(first: 100) {\n      edges {\n        node {\n          id\n          heldAt\n          progress\n          nextSteps\n          loggedBy {\n            displayName\n          }\n        }\n      }\n    }\n    feedback(first: 100) {\n      edges {\n        node {\n          id\n          side\n          period\n          rating\n          comment\n          author {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.RelationshipFieldsFragmentDoc,
    "\n  query Relationship($id: ID!) {\n    relationship(id: $id) {\n      ...RelationshipFields\n    }\n  }\n": types.RelationshipDocument,
    "\n  mutation RespondToRequest($id: ID!, $accept: Boolean!, $message: String) {\n    respondToRequest(id: $id, accept: $accept, message: $message) {\n      ...RelationshipFields\n    }\n  }\n": types.RespondToRequestDocument,
    "\n  mutation LogCheckIn($relationshipId: ID!, $input: CheckInInput!) {\n    logCheckIn(relationshipId: $relationshipId, input: $input) {\n      id\n    }\n  }\n": types.LogCheckInDocument,
    "\n  mutation GiveFeedback($relationshipId: ID!, $input: FeedbackInput!) {\n    giveFeedback(relationshipId: $relationshipId, input: $input) {\n      offerRePairing\n    }\n  }\n": types.GiveFeedbackDocument,
    "\n  mutation SetAgreement($relationshipId: ID!, $input: AgreementInput!) {\n    setAgreement(relationshipId: $relationshipId, input: $input) {\n      ...RelationshipFields\n    }\n  }\n": types.SetAgreementDocument,
    "\n  mutation AgreeToAgreement($relationshipId: ID!) {\n    agreeToAgreement(relationshipId: $relationshipId) {\n      ...RelationshipFields\n    }\n  }\n": types.AgreeToAgreementDocument,
    "\n  query MyProfile {\n    me {\n      id\n      displayName\n      email\n      careerStage\n      specialty\n      interests\n      joinedAt\n      institutionId\n      institution {\n        id\n        name\n      }\n      roles {\n        role\n        institutionId\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n      careerStageChanges {\n        id\n        status\n        reason\n        toStage\n      }\n    }\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      displayName\n      careerStage\n      specialty\n      interests\n      institutionId\n      institution {\n        id\n        name\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n      careerStageChanges {\n        id\n        status\n        reason\n        toStage\n      }\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  fragment ProposalFields on Proposal {\n    id\n    competitionId\n    status\n    title\n    summary\n    aims\n    methods\n    expectedImpact\n    keywords\n    requestedFundingMoney {\n      amountMinor\n      currency\n    }\n    requestedHours\n    submittedVersion\n    firstSubmittedAt\n    updatedAt\n    leadApplicant {\n      id\n      displayName\n    }\n    team {\n      id\n      displayName\n      institutionId\n      careerStage\n      institution {\n        name\n      }\n    }\n    invitations {\n      status\n      invitedAt\n      answeredAt\n      member {\n        id\n        displayName\n      }\n    }\n    result {\n      rank\n      isWinner\n      normalisedScore\n      meanRawScore\n      reviewCount\n    }\n    feedback {\n      reviewer\n      total\n      comment\n      scores {\n        criterionId\n        value\n      }\n    }\n  }\n": types.ProposalFieldsFragmentDoc,
    "\n  query Proposal($id: ID!) {\n    proposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n": types.ProposalDocument,
    "\n  query MyProposals {\n    myProposals(first: 100) {\n      edges {\n        node {\n          id\n          title\n          status\n          competitionId\n          submittedVersion\n          updatedAt\n        }\n      }\n    }\n    myTeamInvitations(first: 100) {\n      edges {\n        node {\n          proposalId\n          proposalTitle\n          status\n          invitedAt\n          leadApplicant {\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.MyProposalsDocument,
    "\n  mutation SaveProposalDraft($input: SaveProposalDraftInput!) {\n    saveProposalDraft(input: $input) {\n      ...ProposalFields\n    }\n  }\n": types.SaveProposalDraftDocument,
    "\n  mutation SubmitProposal($id: ID!) {\n    submitProposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n": types.SubmitProposalDocument,
    "\n  mutation WithdrawProposal($id: ID!) {\n    withdrawProposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n": types.WithdrawProposalDocument,
    "\n  mutation InviteTeamMember($proposalId: ID!, $memberId: ID!) {\n    inviteTeamMember(proposalId: $proposalId, memberId: $memberId) {\n      proposalId\n      status\n    }\n  }\n": types.InviteTeamMemberDocument,
    "\n  mutation AcceptTeamInvitation($proposalId: ID!) {\n    acceptTeamInvitation(proposalId: $proposalId) {\n      proposalId\n      status\n    }\n  }\n": types.AcceptTeamInvitationDocument,
    "\n  mutation DeclineTeamInvitation($proposalId: ID!) {\n    declineTeamInvitation(proposalId: $proposalId) {\n      proposalId\n      status\n    }\n  }\n": types.DeclineTeamInvitationDocument,
    "\n  query MemberSearch($nameContains: String!) {\n    members(filter: { nameContains: $nameContains }, first: 8) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n          institution {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MemberSearchDocument,
    "\n  fragment WorkshopFields on CoachingWorkshop {\n    id\n    title\n    startsAt\n    durationMinutes\n    capacity\n    eligibleStages\n    enrolledCount\n    waitlistCount\n    heldAt\n    coach {\n      id\n      displayName\n    }\n    myEnrolment {\n      status\n      waitlistPosition\n    }\n  }\n": types.WorkshopFieldsFragmentDoc,
    "\n  query UpcomingWorkshops {\n    upcomingCoachingWorkshops(first: 100) {\n      edges {\n        node {\n          ...WorkshopFields\n        }\n      }\n    }\n  }\n": types.UpcomingWorkshopsDocument,
    "\n  query Workshop($id: ID!) {\n    coachingWorkshop(id: $id) {\n      ...WorkshopFields\n      enrolments {\n        status\n        waitlistPosition\n        member {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n": types.WorkshopDocument,
    "\n  mutation EnrolInWorkshop($id: ID!) {\n    enrolInWorkshop(id: $id) {\n      workshopId\n      status\n      waitlistPosition\n    }\n  }\n": types.EnrolInWorkshopDocument,
    "\n  mutation WithdrawFromWorkshop($id: ID!) {\n    withdrawFromWorkshop(id: $id) {\n      workshopId\n    }\n  }\n": types.WithdrawFromWorkshopDocument,
    "\n  mutation MarkWorkshopHeld($id: ID!) {\n    markWorkshopHeld(id: $id) {\n      ...WorkshopFields\n    }\n  }\n": types.MarkWorkshopHeldDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    tokenExpiresAt\n    member {\n      id\n      displayName\n      roles {\n        role\n        institutionId\n      }\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": types.LogoutEverywhereDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCompetitions {\n    competitions(first: 100) {\n      edges {\n        node {\n          id\n          title\n          phase\n          opensAt\n          closesAt\n          judgingEndsAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCompetitions {\n    competitions(first: 100) {\n      edges {\n        node {\n          id\n          title\n          phase\n          opensAt\n          closesAt\n          judgingEndsAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCompetition($input: CreateCompetitionInput!) {\n    createCompetition(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCompetition($input: CreateCompetitionInput!) {\n    createCompetition(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCompetition($id: ID!) {\n    competition(id: $id) {\n      ...CompetitionFields\n      nextPhases\n      reviewsPerEntry\n      judgeMaxLoad\n    }\n    competitionJudges(competitionId: $id, first: 100) {\n      edges {\n        node {\n          judge {\n            id\n            displayName\n          }\n          addedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCompetition($id: ID!) {\n    competition(id: $id) {\n      ...CompetitionFields\n      nextPhases\n      reviewsPerEntry\n      judgeMaxLoad\n    }\n    competitionJudges(competitionId: $id, first: 100) {\n      edges {\n        node {\n          judge {\n            id\n            displayName\n          }\n          addedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompetitionRanking($id: ID!) {\n    competitionRanking(competitionId: $id) {\n      published\n      entries {\n        rank\n        proposalId\n        title\n        normalisedScore\n        meanRawScore\n        reviewCount\n        isWinner\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompetitionRanking($id: ID!) {\n    competitionRanking(competitionId: $id) {\n      published\n      entries {\n        rank\n        proposalId\n        title\n        normalisedScore\n        meanRawScore\n        reviewCount\n        isWinner\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminOpenCompetition($id: ID!) {\n    openCompetition(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n"): (typeof documents)["\n  mutation AdminOpenCompetition($id: ID!) {\n    openCompetition(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminStartJudging($id: ID!) {\n    startJudging(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n"): (typeof documents)["\n  mutation AdminStartJudging($id: ID!) {\n    startJudging(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminPublishResults($id: ID!) {\n    publishResults(competitionId: $id) {\n      id\n      phase\n      nextPhases\n      resultsPublishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminPublishResults($id: ID!) {\n    publishResults(competitionId: $id) {\n      id\n      phase\n      nextPhases\n      resultsPublishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelCompetition($id: ID!) {\n    cancelCompetition(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCancelCompetition($id: ID!) {\n    cancelCompetition(id: $id) {\n      id\n      phase\n      nextPhases\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JudgeSearch($nameContains: String!) {\n    members(filter: { nameContains: $nameContains, role: JUDGE }, first: 8) {\n      edges {\n        node {\n          id\n          displayName\n          institution {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query JudgeSearch($nameContains: String!) {\n    members(filter: { nameContains: $nameContains, role: JUDGE }, first: 8) {\n      edges {\n        node {\n          id\n          displayName\n          institution {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddJudge($competitionId: ID!, $memberId: ID!) {\n    addJudge(competitionId: $competitionId, memberId: $memberId) {\n      addedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AddJudge($competitionId: ID!, $memberId: ID!) {\n    addJudge(competitionId: $competitionId, memberId: $memberId) {\n      addedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignJudges($competitionId: ID!) {\n    assignJudges(competitionId: $competitionId) {\n      minLoad\n      maxLoad\n      keptStarted\n      assignments {\n        proposalId\n        judgeId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignJudges($competitionId: ID!) {\n    assignJudges(competitionId: $competitionId) {\n      minLoad\n      maxLoad\n      keptStarted\n      assignments {\n        proposalId\n        judgeId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminInstitutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"): (typeof documents)["\n  query AdminInstitutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) {\n      id\n      name\n      country\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInstitution($input: CreateInstitutionInput!) {\n    createInstitution(input: $input) {\n      id\n      name\n      country\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberRoles on Member {\n    id\n    displayName\n    careerStage\n    institutionId\n    roles {\n      role\n      institutionId\n    }\n  }\n"): (typeof documents)["\n  fragment MemberRoles on Member {\n    id\n    displayName\n    careerStage\n    institutionId\n    roles {\n      role\n      institutionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindMembers($filter: MembersFilter!) {\n    members(filter: $filter, first: 20) {\n      edges {\n        node {\n          ...MemberRoles\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FindMembers($filter: MembersFilter!) {\n    members(filter: $filter, first: 20) {\n      edges {\n        node {\n          ...MemberRoles\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantRole($memberId: ID!, $role: Role!, $institutionId: ID) {\n    grantRole(memberId: $memberId, role: $role, institutionId: $institutionId) {\n      ...MemberRoles\n    }\n  }\n"): (typeof documents)["\n  mutation GrantRole($memberId: ID!, $role: Role!, $institutionId: ID) {\n    grantRole(memberId: $memberId, role: $role, institutionId: $institutionId) {\n      ...MemberRoles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($memberId: ID!, $role: Role!, $institutionId: ID) {\n    revokeRole(memberId: $memberId, role: $role, institutionId: $institutionId) {\n      ...MemberRoles\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeRole($memberId: ID!, $role: Role!, $institutionId: ID) {\n    revokeRole(memberId: $memberId, role: $role, institutionId: $institutionId) {\n      ...MemberRoles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompetitionReview($competitionId: ID!) {\n    competition(id: $competitionId) {\n      id\n      title\n      phase\n    }\n    competitionJudges(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          judge {\n            id\n            displayName\n          }\n        }\n      }\n    }\n    competitionEntries(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n    competitionConflicts(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          id\n          proposalId\n          judgeId\n          kind\n          reason\n          recordedAt\n          reviewStatus\n          reviewReason\n          reviewedAt\n        }\n      }\n    }\n    competitionAssignments(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          proposalId\n          judgeId\n          origin\n          reviewStarted\n          assignedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompetitionReview($competitionId: ID!) {\n    competition(id: $competitionId) {\n      id\n      title\n      phase\n    }\n    competitionJudges(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          judge {\n            id\n            displayName\n          }\n        }\n      }\n    }\n    competitionEntries(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n    competitionConflicts(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          id\n          proposalId\n          judgeId\n          kind\n          reason\n          recordedAt\n          reviewStatus\n          reviewReason\n          reviewedAt\n        }\n      }\n    }\n    competitionAssignments(competitionId: $competitionId, first: 100) {\n      edges {\n        node {\n          proposalId\n          judgeId\n          origin\n          reviewStarted\n          assignedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewNamedConflict($conflictId: ID!, $decision: NamedConflictDecision!, $reason: String!) {\n    reviewNamedConflict(conflictId: $conflictId, decision: $decision, reason: $reason) {\n      id\n      reviewStatus\n      reviewReason\n      reviewedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewNamedConflict($conflictId: ID!, $decision: NamedConflictDecision!, $reason: String!) {\n    reviewNamedConflict(conflictId: $conflictId, decision: $decision, reason: $reason) {\n      id\n      reviewStatus\n      reviewReason\n      reviewedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignJudge($proposalId: ID!, $judgeId: ID!) {\n    assignJudge(proposalId: $proposalId, judgeId: $judgeId) {\n      proposalId\n      judgeId\n    }\n  }\n"): (typeof documents)["\n  mutation AssignJudge($proposalId: ID!, $judgeId: ID!) {\n    assignJudge(proposalId: $proposalId, judgeId: $judgeId) {\n      proposalId\n      judgeId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignJudge($proposalId: ID!, $judgeId: ID!, $discardStartedReview: Boolean!) {\n    unassignJudge(proposalId: $proposalId, judgeId: $judgeId, discardStartedReview: $discardStartedReview)\n  }\n"): (typeof documents)["\n  mutation UnassignJudge($proposalId: ID!, $judgeId: ID!, $discardStartedReview: Boolean!) {\n    unassignJudge(proposalId: $proposalId, judgeId: $judgeId, discardStartedReview: $discardStartedReview)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MatchRunFields on MatchRun {\n    id\n    status\n    totalScore\n    createdAt\n    approvedAt\n    proposals {\n      id\n      score\n      edited\n      relationshipId\n      mentee {\n        id\n        displayName\n      }\n      mentor {\n        id\n        displayName\n      }\n      reasons {\n        kind\n        detail\n        points\n      }\n    }\n    unmatched {\n      reason\n      detail\n      mentee {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MatchRunFields on MatchRun {\n    id\n    status\n    totalScore\n    createdAt\n    approvedAt\n    proposals {\n      id\n      score\n      edited\n      relationshipId\n      mentee {\n        id\n        displayName\n      }\n      mentor {\n        id\n        displayName\n      }\n      reasons {\n        kind\n        detail\n        points\n      }\n    }\n    unmatched {\n      reason\n      detail\n      mentee {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchingCandidates {\n    mentors: members(filter: { role: MENTOR }, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n    everyone: members(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MatchingCandidates {\n    mentors: members(filter: { role: MENTOR }, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n    everyone: members(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunMatching($input: RunMatchingInput!) {\n    runMatching(input: $input) {\n      ...MatchRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation RunMatching($input: RunMatchingInput!) {\n    runMatching(input: $input) {\n      ...MatchRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchRun($id: ID!) {\n    matchRun(id: $id) {\n      ...MatchRunFields\n    }\n  }\n"): (typeof documents)["\n  query MatchRun($id: ID!) {\n    matchRun(id: $id) {\n      ...MatchRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditMatchProposal($runId: ID!, $menteeId: ID!, $mentorId: ID) {\n    editMatchProposal(runId: $runId, menteeId: $menteeId, mentorId: $mentorId) {\n      ...MatchRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation EditMatchProposal($runId: ID!, $menteeId: ID!, $mentorId: ID) {\n    editMatchProposal(runId: $runId, menteeId: $menteeId, mentorId: $mentorId) {\n      ...MatchRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveMatchRun($runId: ID!) {\n    approveMatchRun(runId: $runId) {\n      ...MatchRunFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveMatchRun($runId: ID!) {\n    approveMatchRun(runId: $runId) {\n      ...MatchRunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupervisionProposals {\n    supervisionProposals(first: 100) {\n      edges {\n        node {\n          id\n          competitionId\n          proposalTitle\n          score\n          status\n          relationshipId\n          mentee {\n            id\n            displayName\n          }\n          mentor {\n            id\n            displayName\n          }\n          reasons {\n            kind\n            detail\n            points\n          }\n        }\n      }\n    }\n    mentors: members(filter: { role: MENTOR }, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupervisionProposals {\n    supervisionProposals(first: 100) {\n      edges {\n        node {\n          id\n          competitionId\n          proposalTitle\n          score\n          status\n          relationshipId\n          mentee {\n            id\n            displayName\n          }\n          mentor {\n            id\n            displayName\n          }\n          reasons {\n            kind\n            detail\n            points\n          }\n        }\n      }\n    }\n    mentors: members(filter: { role: MENTOR }, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSupervision($id: ID!, $mentorId: ID) {\n    confirmSupervision(id: $id, mentorId: $mentorId) {\n      id\n      status\n      relationshipId\n      mentor {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmSupervision($id: ID!, $mentorId: ID) {\n    confirmSupervision(id: $id, mentorId: $mentorId) {\n      id\n      status\n      relationshipId\n      mentor {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Institutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"): (typeof documents)["\n  query Institutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Communities {\n    communities(first: 100) {\n      edges {\n        node {\n          ...CommunityFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Communities {\n    communities(first: 100) {\n      edges {\n        node {\n          ...CommunityFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommunityFields on Community {\n    id\n    name\n    description\n    interests\n    memberCount\n    viewerIsMember\n    viewerIsModerator\n  }\n"): (typeof documents)["\n  fragment CommunityFields on Community {\n    id\n    name\n    description\n    interests\n    memberCount\n    viewerIsMember\n    viewerIsModerator\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Community($id: ID!) {\n    community(id: $id) {\n      ...CommunityFields\n      moderators {\n        id\n        displayName\n      }\n    }\n    programmes(communityId: $id, first: 100) {\n      edges {\n        node {\n          ...ProgrammeSummary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Community($id: ID!) {\n    community(id: $id) {\n      ...CommunityFields\n      moderators {\n        id\n        displayName\n      }\n    }\n    programmes(communityId: $id, first: 100) {\n      edges {\n        node {\n          ...ProgrammeSummary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityFeed($communityId: ID!, $after: String) {\n    communityAnnouncements(communityId: $communityId, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          body\n          link\n          postedAt\n          author {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunityFeed($communityId: ID!, $after: String) {\n    communityAnnouncements(communityId: $communityId, first: 20, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          body\n          link\n          postedAt\n          author {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinCommunity($id: ID!) {\n    joinCommunity(id: $id) {\n      ...CommunityFields\n    }\n  }\n"): (typeof documents)["\n  mutation JoinCommunity($id: ID!) {\n    joinCommunity(id: $id) {\n      ...CommunityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveCommunity($id: ID!) {\n    leaveCommunity(id: $id) {\n      ...CommunityFields\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveCommunity($id: ID!) {\n    leaveCommunity(id: $id) {\n      ...CommunityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgrammeSummary on Programme {\n    id\n    title\n    description\n    mode\n    audience\n    capacity\n    applicationOpensAt\n    applicationClosesAt\n    sessions {\n      id\n      startsAt\n    }\n  }\n"): (typeof documents)["\n  fragment ProgrammeSummary on Programme {\n    id\n    title\n    description\n    mode\n    audience\n    capacity\n    applicationOpensAt\n    applicationClosesAt\n    sessions {\n      id\n      startsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationFields on MyProgrammeApplication {\n    id\n    programmeId\n    status\n    appliedAt\n    waitlistPosition\n    offerExpiresAt\n    decidedAt\n  }\n"): (typeof documents)["\n  fragment ApplicationFields on MyProgrammeApplication {\n    id\n    programmeId\n    status\n    appliedAt\n    waitlistPosition\n    offerExpiresAt\n    decidedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programmes {\n    programmes(first: 100) {\n      edges {\n        node {\n          ...ProgrammeSummary\n        }\n      }\n    }\n    myApplications {\n      ...ApplicationFields\n    }\n  }\n"): (typeof documents)["\n  query Programmes {\n    programmes(first: 100) {\n      edges {\n        node {\n          ...ProgrammeSummary\n        }\n      }\n    }\n    myApplications {\n      ...ApplicationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programme($id: ID!) {\n    programme(id: $id) {\n      ...ProgrammeSummary\n      communityId\n      competitionId\n      certificateMinSharePercent\n      viewerIsOrganiser\n      reflectionQuestions {\n        id\n        prompt\n      }\n      sessions {\n        id\n        position\n        theme\n        startsAt\n        endsAt\n        timeZone\n        localStart\n        durationMinutes\n        joiningLink\n        sessionCode\n        speakers {\n          name\n          role\n        }\n      }\n      myApplication {\n        ...ApplicationFields\n        motivation\n      }\n      myAttendance\n      myReflectionSubmitted\n      myCertificate {\n        ...CertificateFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Programme($id: ID!) {\n    programme(id: $id) {\n      ...ProgrammeSummary\n      communityId\n      competitionId\n      certificateMinSharePercent\n      viewerIsOrganiser\n      reflectionQuestions {\n        id\n        prompt\n      }\n      sessions {\n        id\n        position\n        theme\n        startsAt\n        endsAt\n        timeZone\n        localStart\n        durationMinutes\n        joiningLink\n        sessionCode\n        speakers {\n          name\n          role\n        }\n      }\n      myApplication {\n        ...ApplicationFields\n        motivation\n      }\n      myAttendance\n      myReflectionSubmitted\n      myCertificate {\n        ...CertificateFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificateEligibility($id: ID!) {\n    programme(id: $id) {\n      id\n      myCertificateEligibility {\n        eligible\n        attended\n        held\n        required\n      }\n    }\n  }\n"): (typeof documents)["\n  query CertificateEligibility($id: ID!) {\n    programme(id: $id) {\n      id\n      myCertificateEligibility {\n        eligible\n        attended\n        held\n        required\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CertificateFields on Certificate {\n    id\n    programmeId\n    verificationCode\n    verificationUrl\n    memberName\n    programmeTitle\n    sessionsHeld\n    issuedAt\n    sessionsAttended {\n      theme\n      startsAt\n    }\n  }\n"): (typeof documents)["\n  fragment CertificateFields on Certificate {\n    id\n    programmeId\n    verificationCode\n    verificationUrl\n    memberName\n    programmeTitle\n    sessionsHeld\n    issuedAt\n    sessionsAttended {\n      theme\n      startsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyToProgramme($programmeId: ID!, $input: ApplyToProgrammeInput!) {\n    applyToProgramme(programmeId: $programmeId, input: $input) {\n      ...ApplicationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyToProgramme($programmeId: ID!, $input: ApplyToProgrammeInput!) {\n    applyToProgramme(programmeId: $programmeId, input: $input) {\n      ...ApplicationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToPlace($applicationId: ID!, $action: ApplicantAction!) {\n    respondToPlace(applicationId: $applicationId, action: $action) {\n      ...ApplicationFields\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToPlace($applicationId: ID!, $action: ApplicantAction!) {\n    respondToPlace(applicationId: $applicationId, action: $action) {\n      ...ApplicationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMyAttendance($sessionId: ID!, $code: String!) {\n    recordMyAttendance(sessionId: $sessionId, code: $code) {\n      sessionId\n      recorded\n      alreadyRecorded\n    }\n  }\n"): (typeof documents)["\n  mutation RecordMyAttendance($sessionId: ID!, $code: String!) {\n    recordMyAttendance(sessionId: $sessionId, code: $code) {\n      sessionId\n      recorded\n      alreadyRecorded\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReflection($programmeId: ID!, $input: SubmitReflectionInput!) {\n    submitReflection(programmeId: $programmeId, input: $input) {\n      programmeId\n      submittedOn\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitReflection($programmeId: ID!, $input: SubmitReflectionInput!) {\n    submitReflection(programmeId: $programmeId, input: $input) {\n      programmeId\n      submittedOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestCertificate($programmeId: ID!) {\n    requestCertificate(programmeId: $programmeId) {\n      ...CertificateFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestCertificate($programmeId: ID!) {\n    requestCertificate(programmeId: $programmeId) {\n      ...CertificateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificatePdf($id: ID!) {\n    programme(id: $id) {\n      id\n      myCertificatePdf {\n        filename\n        contentType\n        base64\n      }\n    }\n  }\n"): (typeof documents)["\n  query CertificatePdf($id: ID!) {\n    programme(id: $id) {\n      id\n      myCertificatePdf {\n        filename\n        contentType\n        base64\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCertificates {\n    programmes(first: 100) {\n      edges {\n        node {\n          id\n          myCertificate {\n            ...CertificateFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCertificates {\n    programmes(first: 100) {\n      edges {\n        node {\n          id\n          myCertificate {\n            ...CertificateFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      valid\n      memberName\n      programmeTitle\n    }\n  }\n"): (typeof documents)["\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      valid\n      memberName\n      programmeTitle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CompetitionFields on Competition {\n    id\n    title\n    description\n    phase\n    opensAt\n    closesAt\n    judgingEndsAt\n    resultsPublishedAt\n    blind\n    winnersCount\n    currency\n    fundingAvailableMoney {\n      amountMinor\n      currency\n    }\n    protectedHoursAvailable\n    criteria {\n      id\n      name\n      guidance\n      weight\n      scaleMin\n      scaleMax\n    }\n    eligibility {\n      requiresInterInstitutionalTeam\n      maxTeamSize\n      allowedCareerStages\n    }\n  }\n"): (typeof documents)["\n  fragment CompetitionFields on Competition {\n    id\n    title\n    description\n    phase\n    opensAt\n    closesAt\n    judgingEndsAt\n    resultsPublishedAt\n    blind\n    winnersCount\n    currency\n    fundingAvailableMoney {\n      amountMinor\n      currency\n    }\n    protectedHoursAvailable\n    criteria {\n      id\n      name\n      guidance\n      weight\n      scaleMin\n      scaleMax\n    }\n    eligibility {\n      requiresInterInstitutionalTeam\n      maxTeamSize\n      allowedCareerStages\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Competitions {\n    competitions(first: 50) {\n      edges {\n        node {\n          id\n          title\n          phase\n          closesAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Competitions {\n    competitions(first: 50) {\n      edges {\n        node {\n          id\n          title\n          phase\n          closesAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Competition($id: ID!) {\n    competition(id: $id) {\n      ...CompetitionFields\n    }\n  }\n"): (typeof documents)["\n  query Competition($id: ID!) {\n    competition(id: $id) {\n      ...CompetitionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardInstitutions {\n    institutions {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query DashboardInstitutions {\n    institutions {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FunnelStepFields on FunnelStepFigure {\n    step\n    count\n    suppressed\n    fromPrevious\n    fromMembers\n  }\n"): (typeof documents)["\n  fragment FunnelStepFields on FunnelStepFigure {\n    step\n    count\n    suppressed\n    fromPrevious\n    fromMembers\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EngagementFunnel($input: EngagementFunnelInput!) {\n    engagementFunnel(input: $input) {\n      institutionId\n      granularity\n      splitBy\n      suppressionThreshold\n      buckets {\n        label\n        start\n        end\n        steps {\n          ...FunnelStepFields\n        }\n        groups {\n          group\n          steps {\n            ...FunnelStepFields\n          }\n        }\n        network {\n          step\n          count\n          suppressed\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EngagementFunnel($input: EngagementFunnelInput!) {\n    engagementFunnel(input: $input) {\n      institutionId\n      granularity\n      splitBy\n      suppressionThreshold\n      buckets {\n        label\n        start\n        end\n        steps {\n          ...FunnelStepFields\n        }\n        groups {\n          group\n          steps {\n            ...FunnelStepFields\n          }\n        }\n        network {\n          step\n          count\n          suppressed\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EngagementOverview($input: EngagementOverviewInput!) {\n    engagementOverview(input: $input) {\n      institutionId\n      suppressionThreshold\n      figures {\n        figure\n        count\n        suppressed\n        networkCount\n        networkSuppressed\n      }\n      rates {\n        rate\n        value\n        networkValue\n      }\n      collaboration {\n        institutionA\n        institutionB\n        proposals\n      }\n    }\n  }\n"): (typeof documents)["\n  query EngagementOverview($input: EngagementOverviewInput!) {\n    engagementOverview(input: $input) {\n      institutionId\n      suppressionThreshold\n      figures {\n        figure\n        count\n        suppressed\n        networkCount\n        networkSuppressed\n      }\n      rates {\n        rate\n        value\n        networkValue\n      }\n      collaboration {\n        institutionA\n        institutionB\n        proposals\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstitutionMembers($filter: MembersFilter) {\n    members(filter: $filter, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InstitutionMembers($filter: MembersFilter) {\n    members(filter: $filter, first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberEngagementRecord($memberId: ID!) {\n    memberEngagementRecord(memberId: $memberId) {\n      memberId\n      institutionId\n      careerStage\n      registeredAt\n      activities(first: 100) {\n        edges {\n          node {\n            activity\n            occurredAt\n            label\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberEngagementRecord($memberId: ID!) {\n    memberEngagementRecord(memberId: $memberId) {\n      memberId\n      institutionId\n      careerStage\n      registeredAt\n      activities(first: 100) {\n        edges {\n          node {\n            activity\n            occurredAt\n            label\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MetricFigureFields on MetricFigureValue {\n    figure\n    value\n    suppressed\n    networkValue\n    networkSuppressed\n  }\n"): (typeof documents)["\n  fragment MetricFigureFields on MetricFigureValue {\n    figure\n    value\n    suppressed\n    networkValue\n    networkSuppressed\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MetricRateFields on MetricRateValue {\n    rate\n    value\n    networkValue\n  }\n"): (typeof documents)["\n  fragment MetricRateFields on MetricRateValue {\n    rate\n    value\n    networkValue\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EngagementMetrics($input: EngagementMetricsInput!) {\n    engagementProgrammes(input: $input) {\n      institutionId\n      suppressionThreshold\n      buckets {\n        label\n        figures {\n          ...MetricFigureFields\n        }\n        rates {\n          ...MetricRateFields\n        }\n      }\n    }\n    engagementFunding(input: $input) {\n      institutionId\n      suppressionThreshold\n      buckets {\n        label\n        figures {\n          ...MetricFigureFields\n        }\n        rates {\n          ...MetricRateFields\n        }\n        money {\n          measure\n          fundId\n          currency\n          amount {\n            amountMinor\n            currency\n          }\n          suppressed\n          networkAmount {\n            amountMinor\n            currency\n          }\n          networkSuppressed\n        }\n      }\n      atRisk {\n        memberId\n        episodeStartedWeek\n      }\n    }\n  }\n"): (typeof documents)["\n  query EngagementMetrics($input: EngagementMetricsInput!) {\n    engagementProgrammes(input: $input) {\n      institutionId\n      suppressionThreshold\n      buckets {\n        label\n        figures {\n          ...MetricFigureFields\n        }\n        rates {\n          ...MetricRateFields\n        }\n      }\n    }\n    engagementFunding(input: $input) {\n      institutionId\n      suppressionThreshold\n      buckets {\n        label\n        figures {\n          ...MetricFigureFields\n        }\n        rates {\n          ...MetricRateFields\n        }\n        money {\n          measure\n          fundId\n          currency\n          amount {\n            amountMinor\n            currency\n          }\n          suppressed\n          networkAmount {\n            amountMinor\n            currency\n          }\n          networkSuppressed\n        }\n      }\n      atRisk {\n        memberId\n        episodeStartedWeek\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DemographicsFields on Demographics {\n    gender\n    ethnicityGroup\n    disability\n    firstGenerationHigherEducation\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment DemographicsFields on Demographics {\n    gender\n    ethnicityGroup\n    disability\n    firstGenerationHigherEducation\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDemographics {\n    myDemographics {\n      ...DemographicsFields\n    }\n  }\n"): (typeof documents)["\n  query MyDemographics {\n    myDemographics {\n      ...DemographicsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDemographics($input: DemographicsInput!) {\n    recordDemographics(input: $input) {\n      ...DemographicsFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordDemographics($input: DemographicsInput!) {\n    recordDemographics(input: $input) {\n      ...DemographicsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseMyDemographics {\n    eraseMyDemographics\n  }\n"): (typeof documents)["\n  mutation EraseMyDemographics {\n    eraseMyDemographics\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MoneyFields on Money {\n    amountMinor\n    currency\n  }\n"): (typeof documents)["\n  fragment MoneyFields on Money {\n    amountMinor\n    currency\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AwardSummaryFields on Award {\n    id\n    title\n    status\n    amount {\n      ...MoneyFields\n    }\n    startsOn\n    endsOn\n    availableActions\n    principalInvestigator {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment AwardSummaryFields on Award {\n    id\n    title\n    status\n    amount {\n      ...MoneyFields\n    }\n    startsOn\n    endsOn\n    availableActions\n    principalInvestigator {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAwards {\n    awards(first: 100) {\n      edges {\n        node {\n          ...AwardSummaryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAwards {\n    awards(first: 100) {\n      edges {\n        node {\n          ...AwardSummaryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AllocationFields on ProtectedTimeAllocation {\n    id\n    weeklyHours\n    from\n    to\n    status\n    member {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment AllocationFields on ProtectedTimeAllocation {\n    id\n    weeklyHours\n    from\n    to\n    status\n    member {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Award($id: ID!) {\n    award(id: $id) {\n      ...AwardSummaryFields\n      requested {\n        ...MoneyFields\n      }\n      cappedReason\n      requestedHours\n      team {\n        id\n        displayName\n      }\n      supervisor {\n        id\n        displayName\n      }\n      transitions {\n        action\n        from\n        to\n        at\n        reason\n        by {\n          displayName\n        }\n      }\n      budget {\n        lines {\n          category\n          budgeted {\n            ...MoneyFields\n          }\n          committed {\n            ...MoneyFields\n          }\n          paid {\n            ...MoneyFields\n          }\n          remaining {\n            ...MoneyFields\n          }\n        }\n        remaining {\n          ...MoneyFields\n        }\n        burn {\n          status\n          elapsedShare\n          spentShare\n        }\n      }\n      spendEntries(first: 100) {\n        edges {\n          node {\n            id\n            budgetLine\n            kind\n            amount {\n              ...MoneyFields\n            }\n            date\n            description\n            reference\n            reversesEntryId\n          }\n        }\n      }\n      protectedTime {\n        ...AllocationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Award($id: ID!) {\n    award(id: $id) {\n      ...AwardSummaryFields\n      requested {\n        ...MoneyFields\n      }\n      cappedReason\n      requestedHours\n      team {\n        id\n        displayName\n      }\n      supervisor {\n        id\n        displayName\n      }\n      transitions {\n        action\n        from\n        to\n        at\n        reason\n        by {\n          displayName\n        }\n      }\n      budget {\n        lines {\n          category\n          budgeted {\n            ...MoneyFields\n          }\n          committed {\n            ...MoneyFields\n          }\n          paid {\n            ...MoneyFields\n          }\n          remaining {\n            ...MoneyFields\n          }\n        }\n        remaining {\n          ...MoneyFields\n        }\n        burn {\n          status\n          elapsedShare\n          spentShare\n        }\n      }\n      spendEntries(first: 100) {\n        edges {\n          node {\n            id\n            budgetLine\n            kind\n            amount {\n              ...MoneyFields\n            }\n            date\n            description\n            reference\n            reversesEntryId\n          }\n        }\n      }\n      protectedTime {\n        ...AllocationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptAward($id: ID!) {\n    acceptAward(id: $id) {\n      id\n      status\n      availableActions\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptAward($id: ID!) {\n    acceptAward(id: $id) {\n      id\n      status\n      availableActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineAward($id: ID!, $input: AwardDecisionInput) {\n    declineAward(id: $id, input: $input) {\n      id\n      status\n      availableActions\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineAward($id: ID!, $input: AwardDecisionInput) {\n    declineAward(id: $id, input: $input) {\n      id\n      status\n      availableActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberUtilisation($memberId: ID!, $from: String!, $to: String!) {\n    memberUtilisation(memberId: $memberId, from: $from, to: $to) {\n      atRisk\n      weeks {\n        week\n        allocatedHours\n        loggedHours\n        utilisation\n        complete\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberUtilisation($memberId: ID!, $from: String!, $to: String!) {\n    memberUtilisation(memberId: $memberId, from: $from, to: $to) {\n      atRisk\n      weeks {\n        week\n        allocatedHours\n        loggedHours\n        utilisation\n        complete\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogTime($input: LogTimeInput!) {\n    logTime(input: $input) {\n      id\n      date\n      hours\n    }\n  }\n"): (typeof documents)["\n  mutation LogTime($input: LogTimeInput!) {\n    logTime(input: $input) {\n      id\n      date\n      hours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalQueue {\n    awards(first: 100) {\n      edges {\n        node {\n          id\n          title\n          protectedTime {\n            ...AllocationFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApprovalQueue {\n    awards(first: 100) {\n      edges {\n        node {\n          id\n          title\n          protectedTime {\n            ...AllocationFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveProtectedTime($allocationId: ID!) {\n    approveProtectedTime(allocationId: $allocationId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveProtectedTime($allocationId: ID!) {\n    approveProtectedTime(allocationId: $allocationId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Funds {\n    funds {\n      id\n      name\n      source\n      currency\n      competitionId\n      balance {\n        total {\n          ...MoneyFields\n        }\n        committed {\n          ...MoneyFields\n        }\n        paid {\n          ...MoneyFields\n        }\n        available {\n          ...MoneyFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Funds {\n    funds {\n      id\n      name\n      source\n      currency\n      competitionId\n      balance {\n        total {\n          ...MoneyFields\n        }\n        committed {\n          ...MoneyFields\n        }\n        paid {\n          ...MoneyFields\n        }\n        available {\n          ...MoneyFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFund($input: CreateFundInput!) {\n    createFund(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFund($input: CreateFundInput!) {\n    createFund(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssignmentFields on JudgeAssignment {\n    proposalId\n    competitionId\n    competitionTitle\n    blind\n    version\n    title\n    summary\n    aims\n    methods\n    expectedImpact\n    keywords\n    requestedFundingMoney {\n      amountMinor\n      currency\n    }\n    requestedHours\n    team {\n      id\n      displayName\n    }\n    review {\n      scores {\n        criterionId\n        value\n      }\n      comment\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  fragment AssignmentFields on JudgeAssignment {\n    proposalId\n    competitionId\n    competitionTitle\n    blind\n    version\n    title\n    summary\n    aims\n    methods\n    expectedImpact\n    keywords\n    requestedFundingMoney {\n      amountMinor\n      currency\n    }\n    requestedHours\n    team {\n      id\n      displayName\n    }\n    review {\n      scores {\n        criterionId\n        value\n      }\n      comment\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAssignments {\n    myAssignments(first: 100) {\n      edges {\n        node {\n          proposalId\n          competitionId\n          competitionTitle\n          title\n          review {\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAssignments {\n    myAssignments(first: 100) {\n      edges {\n        node {\n          proposalId\n          competitionId\n          competitionTitle\n          title\n          review {\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignedProposal($proposalId: ID!) {\n    assignedProposal(proposalId: $proposalId) {\n      ...AssignmentFields\n    }\n  }\n"): (typeof documents)["\n  query AssignedProposal($proposalId: ID!) {\n    assignedProposal(proposalId: $proposalId) {\n      ...AssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitScores($input: SubmitScoresInput!) {\n    submitScores(input: $input) {\n      ...AssignmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitScores($input: SubmitScoresInput!) {\n    submitScores(input: $input) {\n      ...AssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclareConflict($proposalId: ID!, $reason: String!) {\n    declareConflict(proposalId: $proposalId, reason: $reason) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeclareConflict($proposalId: ID!, $reason: String!) {\n    declareConflict(proposalId: $proposalId, reason: $reason) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMastermindGroups {\n    myMastermindGroups(first: 100) {\n      edges {\n        node {\n          id\n          name\n          size\n          cadenceDays\n          facilitator {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyMastermindGroups {\n    myMastermindGroups(first: 100) {\n      edges {\n        node {\n          id\n          name\n          size\n          cadenceDays\n          facilitator {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NextStepFields on MastermindNextStep {\n    id\n    text\n    setAt\n    done\n    doneAt\n    member {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment NextStepFields on MastermindNextStep {\n    id\n    text\n    setAt\n    done\n    doneAt\n    member {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MastermindGroup($id: ID!) {\n    mastermindGroup(id: $id) {\n      id\n      name\n      size\n      cadenceDays\n      distinctStages\n      facilitator {\n        id\n        displayName\n      }\n      members {\n        id\n        displayName\n      }\n      stageMix {\n        stage\n        count\n      }\n      openNextSteps {\n        ...NextStepFields\n      }\n    }\n    mastermindSessions(groupId: $id, first: 100) {\n      edges {\n        node {\n          id\n          heldAt\n          resources\n          referrals\n          ratingCount\n          averageRating\n          myRating\n          attendees {\n            id\n            displayName\n          }\n          nextSteps {\n            ...NextStepFields\n          }\n          carriedOver {\n            ...NextStepFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MastermindGroup($id: ID!) {\n    mastermindGroup(id: $id) {\n      id\n      name\n      size\n      cadenceDays\n      distinctStages\n      facilitator {\n        id\n        displayName\n      }\n      members {\n        id\n        displayName\n      }\n      stageMix {\n        stage\n        count\n      }\n      openNextSteps {\n        ...NextStepFields\n      }\n    }\n    mastermindSessions(groupId: $id, first: 100) {\n      edges {\n        node {\n          id\n          heldAt\n          resources\n          referrals\n          ratingCount\n          averageRating\n          myRating\n          attendees {\n            id\n            displayName\n          }\n          nextSteps {\n            ...NextStepFields\n          }\n          carriedOver {\n            ...NextStepFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMastermindSession($groupId: ID!, $input: MastermindSessionInput!) {\n    recordMastermindSession(groupId: $groupId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordMastermindSession($groupId: ID!, $input: MastermindSessionInput!) {\n    recordMastermindSession(groupId: $groupId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateSession($sessionId: ID!, $rating: Int!) {\n    rateSession(sessionId: $sessionId, rating: $rating) {\n      id\n      ratingCount\n      averageRating\n      myRating\n    }\n  }\n"): (typeof documents)["\n  mutation RateSession($sessionId: ID!, $rating: Int!) {\n    rateSession(sessionId: $sessionId, rating: $rating) {\n      id\n      ratingCount\n      averageRating\n      myRating\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportNextStepDone($stepId: ID!) {\n    reportNextStepDone(stepId: $stepId) {\n      ...NextStepFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReportNextStepDone($stepId: ID!) {\n    reportNextStepDone(stepId: $stepId) {\n      ...NextStepFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentoringHome {\n    myMenteeProfile {\n      goals\n      interests\n      preferredMentorStages\n      preferOtherInstitution\n    }\n    myMentorProfile {\n      capacity\n      activeMentees\n      expertise\n      interests\n      acceptsDirectRequests\n      paused\n    }\n    myRelationships(first: 100) {\n      edges {\n        node {\n          id\n          status\n          health\n          kind\n          startedAt\n          mentor {\n            id\n            displayName\n          }\n          mentee {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MentoringHome {\n    myMenteeProfile {\n      goals\n      interests\n      preferredMentorStages\n      preferOtherInstitution\n    }\n    myMentorProfile {\n      capacity\n      activeMentees\n      expertise\n      interests\n      acceptsDirectRequests\n      paused\n    }\n    myRelationships(first: 100) {\n      edges {\n        node {\n          id\n          status\n          health\n          kind\n          startedAt\n          mentor {\n            id\n            displayName\n          }\n          mentee {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentorSuggestions {\n    mentorSuggestions(first: 5) {\n      score\n      remainingCapacity\n      mentor {\n        id\n        displayName\n        careerStage\n        institution {\n          name\n        }\n      }\n      reasons {\n        kind\n        detail\n        points\n      }\n    }\n  }\n"): (typeof documents)["\n  query MentorSuggestions {\n    mentorSuggestions(first: 5) {\n      score\n      remainingCapacity\n      mentor {\n        id\n        displayName\n        careerStage\n        institution {\n          name\n        }\n      }\n      reasons {\n        kind\n        detail\n        points\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertMenteeProfile($input: MenteeProfileInput!) {\n    upsertMenteeProfile(input: $input) {\n      goals\n    }\n  }\n"): (typeof documents)["\n  mutation UpsertMenteeProfile($input: MenteeProfileInput!) {\n    upsertMenteeProfile(input: $input) {\n      goals\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertMentorProfile($input: MentorProfileInput!) {\n    upsertMentorProfile(input: $input) {\n      capacity\n    }\n  }\n"): (typeof documents)["\n  mutation UpsertMentorProfile($input: MentorProfileInput!) {\n    upsertMentorProfile(input: $input) {\n      capacity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMentor($input: RequestMentorInput!) {\n    requestMentor(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RequestMentor($input: RequestMentorInput!) {\n    requestMentor(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RelationshipFields on Relationship {\n    id\n    status\n    health\n    kind\n    startedAt\n    lastCheckInAt\n    requestMessage\n    responseMessage\n    mentor {\n      id\n      displayName\n    }\n    mentee {\n      id\n      displayName\n    }\n    agreement {\n      goals\n      meetingCadenceDays\n      endsAt\n      mentorAgreed\n      menteeAgreed\n      agreed\n    }\n    checkIns(first: 100) {\n      edges {\n        node {\n          id\n          heldAt\n          progress\n          nextSteps\n          loggedBy {\n            displayName\n          }\n        }\n      }\n    }\n    feedback(first: 100) {\n      edges {\n        node {\n          id\n          side\n          period\n          rating\n          comment\n          author {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RelationshipFields on Relationship {\n    id\n    status\n    health\n    kind\n    startedAt\n    lastCheckInAt\n    requestMessage\n    responseMessage\n    mentor {\n      id\n      displayName\n    }\n    mentee {\n      id\n      displayName\n    }\n    agreement {\n      goals\n      meetingCadenceDays\n      endsAt\n      mentorAgreed\n      menteeAgreed\n      agreed\n    }\n    checkIns(first: 100) {\n      edges {\n        node {\n          id\n          heldAt\n          progress\n          nextSteps\n          loggedBy {\n            displayName\n          }\n        }\n      }\n    }\n    feedback(first: 100) {\n      edges {\n        node {\n          id\n          side\n          period\n          rating\n          comment\n          author {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Relationship($id: ID!) {\n    relationship(id: $id) {\n      ...RelationshipFields\n    }\n  }\n"): (typeof documents)["\n  query Relationship($id: ID!) {\n    relationship(id: $id) {\n      ...RelationshipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToRequest($id: ID!, $accept: Boolean!, $message: String) {\n    respondToRequest(id: $id, accept: $accept, message: $message) {\n      ...RelationshipFields\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToRequest($id: ID!, $accept: Boolean!, $message: String) {\n    respondToRequest(id: $id, accept: $accept, message: $message) {\n      ...RelationshipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogCheckIn($relationshipId: ID!, $input: CheckInInput!) {\n    logCheckIn(relationshipId: $relationshipId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation LogCheckIn($relationshipId: ID!, $input: CheckInInput!) {\n    logCheckIn(relationshipId: $relationshipId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GiveFeedback($relationshipId: ID!, $input: FeedbackInput!) {\n    giveFeedback(relationshipId: $relationshipId, input: $input) {\n      offerRePairing\n    }\n  }\n"): (typeof documents)["\n  mutation GiveFeedback($relationshipId: ID!, $input: FeedbackInput!) {\n    giveFeedback(relationshipId: $relationshipId, input: $input) {\n      offerRePairing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAgreement($relationshipId: ID!, $input: AgreementInput!) {\n    setAgreement(relationshipId: $relationshipId, input: $input) {\n      ...RelationshipFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetAgreement($relationshipId: ID!, $input: AgreementInput!) {\n    setAgreement(relationshipId: $relationshipId, input: $input) {\n      ...RelationshipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgreeToAgreement($relationshipId: ID!) {\n    agreeToAgreement(relationshipId: $relationshipId) {\n      ...RelationshipFields\n    }\n  }\n"): (typeof documents)["\n  mutation AgreeToAgreement($relationshipId: ID!) {\n    agreeToAgreement(relationshipId: $relationshipId) {\n      ...RelationshipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile {\n    me {\n      id\n      displayName\n      email\n      careerStage\n      specialty\n      interests\n      joinedAt\n      institutionId\n      institution {\n        id\n        name\n      }\n      roles {\n        role\n        institutionId\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n      careerStageChanges {\n        id\n        status\n        reason\n        toStage\n      }\n    }\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"): (typeof documents)["\n  query MyProfile {\n    me {\n      id\n      displayName\n      email\n      careerStage\n      specialty\n      interests\n      joinedAt\n      institutionId\n      institution {\n        id\n        name\n      }\n      roles {\n        role\n        institutionId\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n      careerStageChanges {\n        id\n        status\n        reason\n        toStage\n      }\n    }\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      displayName\n      careerStage\n      specialty\n      interests\n      institutionId\n      institution {\n        id\n        name\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n      careerStageChanges {\n        id\n        status\n        reason\n        toStage\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      displayName\n      careerStage\n      specialty\n      interests\n      institutionId\n      institution {\n        id\n        name\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n      careerStageChanges {\n        id\n        status\n        reason\n        toStage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProposalFields on Proposal {\n    id\n    competitionId\n    status\n    title\n    summary\n    aims\n    methods\n    expectedImpact\n    keywords\n    requestedFundingMoney {\n      amountMinor\n      currency\n    }\n    requestedHours\n    submittedVersion\n    firstSubmittedAt\n    updatedAt\n    leadApplicant {\n      id\n      displayName\n    }\n    team {\n      id\n      displayName\n      institutionId\n      careerStage\n      institution {\n        name\n      }\n    }\n    invitations {\n      status\n      invitedAt\n      answeredAt\n      member {\n        id\n        displayName\n      }\n    }\n    result {\n      rank\n      isWinner\n      normalisedScore\n      meanRawScore\n      reviewCount\n    }\n    feedback {\n      reviewer\n      total\n      comment\n      scores {\n        criterionId\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ProposalFields on Proposal {\n    id\n    competitionId\n    status\n    title\n    summary\n    aims\n    methods\n    expectedImpact\n    keywords\n    requestedFundingMoney {\n      amountMinor\n      currency\n    }\n    requestedHours\n    submittedVersion\n    firstSubmittedAt\n    updatedAt\n    leadApplicant {\n      id\n      displayName\n    }\n    team {\n      id\n      displayName\n      institutionId\n      careerStage\n      institution {\n        name\n      }\n    }\n    invitations {\n      status\n      invitedAt\n      answeredAt\n      member {\n        id\n        displayName\n      }\n    }\n    result {\n      rank\n      isWinner\n      normalisedScore\n      meanRawScore\n      reviewCount\n    }\n    feedback {\n      reviewer\n      total\n      comment\n      scores {\n        criterionId\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Proposal($id: ID!) {\n    proposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n"): (typeof documents)["\n  query Proposal($id: ID!) {\n    proposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProposals {\n    myProposals(first: 100) {\n      edges {\n        node {\n          id\n          title\n          status\n          competitionId\n          submittedVersion\n          updatedAt\n        }\n      }\n    }\n    myTeamInvitations(first: 100) {\n      edges {\n        node {\n          proposalId\n          proposalTitle\n          status\n          invitedAt\n          leadApplicant {\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProposals {\n    myProposals(first: 100) {\n      edges {\n        node {\n          id\n          title\n          status\n          competitionId\n          submittedVersion\n          updatedAt\n        }\n      }\n    }\n    myTeamInvitations(first: 100) {\n      edges {\n        node {\n          proposalId\n          proposalTitle\n          status\n          invitedAt\n          leadApplicant {\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveProposalDraft($input: SaveProposalDraftInput!) {\n    saveProposalDraft(input: $input) {\n      ...ProposalFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveProposalDraft($input: SaveProposalDraftInput!) {\n    saveProposalDraft(input: $input) {\n      ...ProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitProposal($id: ID!) {\n    submitProposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitProposal($id: ID!) {\n    submitProposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawProposal($id: ID!) {\n    withdrawProposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawProposal($id: ID!) {\n    withdrawProposal(id: $id) {\n      ...ProposalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteTeamMember($proposalId: ID!, $memberId: ID!) {\n    inviteTeamMember(proposalId: $proposalId, memberId: $memberId) {\n      proposalId\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation InviteTeamMember($proposalId: ID!, $memberId: ID!) {\n    inviteTeamMember(proposalId: $proposalId, memberId: $memberId) {\n      proposalId\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptTeamInvitation($proposalId: ID!) {\n    acceptTeamInvitation(proposalId: $proposalId) {\n      proposalId\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptTeamInvitation($proposalId: ID!) {\n    acceptTeamInvitation(proposalId: $proposalId) {\n      proposalId\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineTeamInvitation($proposalId: ID!) {\n    declineTeamInvitation(proposalId: $proposalId) {\n      proposalId\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineTeamInvitation($proposalId: ID!) {\n    declineTeamInvitation(proposalId: $proposalId) {\n      proposalId\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberSearch($nameContains: String!) {\n    members(filter: { nameContains: $nameContains }, first: 8) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n          institution {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberSearch($nameContains: String!) {\n    members(filter: { nameContains: $nameContains }, first: 8) {\n      edges {\n        node {\n          id\n          displayName\n          careerStage\n          institution {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkshopFields on CoachingWorkshop {\n    id\n    title\n    startsAt\n    durationMinutes\n    capacity\n    eligibleStages\n    enrolledCount\n    waitlistCount\n    heldAt\n    coach {\n      id\n      displayName\n    }\n    myEnrolment {\n      status\n      waitlistPosition\n    }\n  }\n"): (typeof documents)["\n  fragment WorkshopFields on CoachingWorkshop {\n    id\n    title\n    startsAt\n    durationMinutes\n    capacity\n    eligibleStages\n    enrolledCount\n    waitlistCount\n    heldAt\n    coach {\n      id\n      displayName\n    }\n    myEnrolment {\n      status\n      waitlistPosition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpcomingWorkshops {\n    upcomingCoachingWorkshops(first: 100) {\n      edges {\n        node {\n          ...WorkshopFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UpcomingWorkshops {\n    upcomingCoachingWorkshops(first: 100) {\n      edges {\n        node {\n          ...WorkshopFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workshop($id: ID!) {\n    coachingWorkshop(id: $id) {\n      ...WorkshopFields\n      enrolments {\n        status\n        waitlistPosition\n        member {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Workshop($id: ID!) {\n    coachingWorkshop(id: $id) {\n      ...WorkshopFields\n      enrolments {\n        status\n        waitlistPosition\n        member {\n          id\n          displayName\n          careerStage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrolInWorkshop($id: ID!) {\n    enrolInWorkshop(id: $id) {\n      workshopId\n      status\n      waitlistPosition\n    }\n  }\n"): (typeof documents)["\n  mutation EnrolInWorkshop($id: ID!) {\n    enrolInWorkshop(id: $id) {\n      workshopId\n      status\n      waitlistPosition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawFromWorkshop($id: ID!) {\n    withdrawFromWorkshop(id: $id) {\n      workshopId\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawFromWorkshop($id: ID!) {\n    withdrawFromWorkshop(id: $id) {\n      workshopId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkWorkshopHeld($id: ID!) {\n    markWorkshopHeld(id: $id) {\n      ...WorkshopFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkWorkshopHeld($id: ID!) {\n    markWorkshopHeld(id: $id) {\n      ...WorkshopFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    token\n    tokenExpiresAt\n    member {\n      id\n      displayName\n      roles {\n        role\n        institutionId\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    token\n    tokenExpiresAt\n    member {\n      id\n      displayName\n      roles {\n        role\n        institutionId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"): (typeof documents)["\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;