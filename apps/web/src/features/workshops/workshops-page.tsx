import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { Section } from '../../lib/section';
import { EnrolmentButton } from './enrolment-button';
import { workshopMessages as t } from './messages';
import { NewWorkshopForm } from './new-workshop-form';
import { UpcomingWorkshopsDocument } from './operations';
import { WorkshopSummary } from './workshop-summary';

export default function WorkshopsPage() {
  const query = useQuery(UpcomingWorkshopsDocument);
  return (
    <Page title={t.title} intro={t.intro}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.upcomingCoachingWorkshops.edges.length === 0 ? (
            <Text>{t.none}</Text>
          ) : (
            <Stack gap="sm">
              {nodes(data.upcomingCoachingWorkshops).map((workshop) => (
                <Card withBorder key={workshop.id} component="article" aria-labelledby={`w-${workshop.id}`}>
                  <Stack gap={4}>
                    <Title order={2} size="h4" id={`w-${workshop.id}`}>
                      <Anchor component={Link} to={`/mentoring/workshops/${workshop.id}`}>
                        {workshop.title}
                      </Anchor>
                    </Title>
                    <WorkshopSummary workshop={workshop} />
                    <EnrolmentButton workshop={workshop} />
                  </Stack>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <ShowMore query={query} path={['upcomingCoachingWorkshops']} label={t.moreWorkshops} />
      <Section id="new-workshop" title={t.newWorkshopTitle}>
        <Text size="sm" mb="sm">
          {t.newWorkshopIntro}
        </Text>
        <NewWorkshopForm />
      </Section>
    </Page>
  );
}
