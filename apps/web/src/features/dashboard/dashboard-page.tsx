import '@mantine/charts/styles.css';
import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { EngagementDimension, Granularity } from '../../gql/graphql';
import { InstitutionPicker } from '../../lib/institution-picker';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { useSession } from '../../session/session-context';
import { ExportCsv, funnelGranularity } from './export-csv';
import { FunnelSection } from './funnel-section';
import { MemberRecordSection } from './member-record';
import { MetricsSection } from './metrics-section';
import { dashboardMessages as t } from './messages';
import {
  DashboardLeadInstitutionsDocument,
  EngagementFunnelDocument,
  EngagementOverviewDocument,
} from './operations';
import { OverviewSection } from './overview-section';

const NETWORK = 'network';

/** YYYY-MM-DD of the first day of the month `monthsAhead` from this one (UTC). */
function monthStart(monthsAhead: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, 1))
    .toISOString()
    .slice(0, 10);
}

export default function DashboardPage() {
  const session = useSession();
  const isAdmin = session.hasRole('ADMIN');
  const led = (session.member?.roles ?? [])
    .filter((grant) => grant.role === 'LEAD' && grant.institutionId)
    .map((grant) => grant.institutionId as string);
  // the institutions a lead watches, named on their role by membership; every other institution or member the
  // page names comes as a reference on the figure that shows it, named by membership (no first page of a list)
  const leadInstitutions = useQuery(DashboardLeadInstitutionsDocument, { skip: isAdmin || led.length === 0 });
  const ledNames = new Map(
    (leadInstitutions.data?.me.roles ?? []).flatMap((grant) =>
      grant.role === 'LEAD' && grant.institution
        ? [[grant.institution.id, grant.institution.name] as const]
        : [],
    ),
  );
  const [scope, setScope] = useState<string | null>(isAdmin ? NETWORK : (led[0] ?? null));
  const [scopeLabel, setScopeLabel] = useState<string | null>(null);
  const nameOf = (id: string) => (id === scope && scopeLabel) || ledNames.get(id) || t.anInstitution;
  // an admin any institution or the network; a lead among those they lead
  const known = isAdmin
    ? [{ value: NETWORK, label: t.network }]
    : led.map((id) => ({ value: id, label: nameOf(id) }));
  const [from, setFrom] = useState(monthStart(-11));
  const [to, setTo] = useState(monthStart(1));
  const [granularity, setGranularity] = useState<Granularity>('MONTH');
  const [splitBy, setSplitBy] = useState<EngagementDimension>('NONE');
  const [bucket, setBucket] = useState<string | null>(null);

  const institutionId = scope === NETWORK ? null : scope;
  const datesValid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from < to;
  const period = { institutionId, from: `${from}T00:00:00.000Z`, to: `${to}T00:00:00.000Z` };
  const skip = !scope || !datesValid;
  // errorPolicy 'all': a reference membership cannot name comes back null beside an error, and the figures stand
  const funnel = useQuery(EngagementFunnelDocument, {
    variables: { input: { ...period, granularity: funnelGranularity(splitBy, granularity), splitBy } },
    skip,
    errorPolicy: 'all',
  });
  // every table splits by career stage with the funnel; other splits are the funnel's alone
  const byStage = splitBy === 'CAREER_STAGE';
  const overview = useQuery(EngagementOverviewDocument, {
    variables: { input: period, byStage },
    skip,
    errorPolicy: 'all',
  });
  const scopeName = institutionId ? nameOf(institutionId) : t.network;

  if (!isAdmin && led.length === 0)
    return (
      <Page title={t.title} intro={t.intro} width={1100}>
        <Text>{t.noScope}</Text>
      </Page>
    );
  return (
    <Page title={t.title} intro={t.intro} width={1100}>
      <Stack gap="xl">
        <Group align="flex-start" gap="md" role="group" aria-label={t.filters}>
          {(isAdmin || led.length > 1) && (
            <InstitutionPicker
              label={t.scope}
              nothingFound={t.noInstitutions}
              known={known}
              only={isAdmin ? undefined : led}
              labelOf={(institution) => institution.name}
              value={scope}
              onChange={(value, label) => {
                setScope(value);
                setScopeLabel(label);
              }}
              allowDeselect={false}
              w={240}
            />
          )}
          <TextInput
            type="date"
            label={t.from}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            error={datesValid ? undefined : t.badDates}
          />
          <TextInput
            type="date"
            label={t.to}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
          />
          <Select
            label={t.granularity}
            data={Object.entries(t.granularities).map(([value, label]) => ({ value, label }))}
            value={granularity}
            onChange={(value) => value && setGranularity(value as Granularity)}
            allowDeselect={false}
            w={140}
          />
          <Select
            label={t.splitBy}
            data={Object.entries(t.dimensions).map(([value, label]) => ({ value, label }))}
            value={splitBy}
            onChange={(value) => value && setSplitBy(value as EngagementDimension)}
            allowDeselect={false}
            w={260}
          />
        </Group>
        {!skip && <ExportCsv filters={{ ...period, granularity, splitBy }} />}
        {!skip && splitBy !== 'NONE' && !byStage && (
          <Text size="sm">
            {t.onlyFunnelSplits(t.dimensions[splitBy])}
            {funnelGranularity(splitBy, granularity) !== granularity && ` ${t.yearlyDemographics}`}
          </Text>
        )}
        {!skip && (
          <QueryState data={funnel.data ?? undefined} loading={funnel.loading} error={funnel.error}>
            {(data) => (
              <div aria-busy={funnel.loading}>
                <FunnelSection
                  funnel={data.engagementFunnel}
                  scopeName={scopeName}
                  chosen={bucket}
                  onChoose={setBucket}
                />
              </div>
            )}
          </QueryState>
        )}
        {!skip && (
          <QueryState data={overview.data ?? undefined} loading={overview.loading} error={overview.error}>
            {(data) => (
              <div aria-busy={overview.loading}>
                <OverviewSection overview={data.engagementOverview} scopeName={scopeName} byStage={byStage} />
              </div>
            )}
          </QueryState>
        )}
        {!skip && (
          <MetricsSection
            input={{ ...period, granularity }}
            bucketLabel={bucket}
            scopeName={scopeName}
            byStage={byStage}
          />
        )}
        {scope && (
          // a member found for one institution is not kept when the scope changes to another
          <MemberRecordSection
            key={scope}
            institutionId={institutionId}
            institutionName={institutionId ? scopeName : undefined}
          />
        )}
      </Stack>
    </Page>
  );
}
