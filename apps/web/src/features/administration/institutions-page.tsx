import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { MemberRolesFragment, Role } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { InstitutionPicker } from '../../lib/institution-picker';
import { commonMessages } from '../../lib/messages';
import { withNotice } from '../../lib/notify';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { ShowMore } from '../../lib/show-more';
import { administrationMessages as t } from './messages';
import {
  AdminInstitutionsDocument,
  CreateInstitutionDocument,
  FindMembersDocument,
  GrantRoleDocument,
  RevokeRoleDocument,
} from './operations';

/** An institution by name alone, as this page lists them. */
const institutionLabel = (institution: { name: string }) => institution.name;
const ROLES = Object.keys(commonMessages.roles).filter((role) => role !== 'MEMBER') as Role[];

export function institutionValidation() {
  return {
    name: (value: string) => (value.trim() ? null : t.required),
    country: (value: string) => (/^[A-Za-z]{2}$/.test(value.trim()) ? null : t.countryShape),
  };
}

function NewInstitution() {
  const [create] = useMutation(CreateInstitutionDocument, { refetchQueries: [AdminInstitutionsDocument] });
  const form = useForm({ initialValues: { name: '', country: '' }, validate: institutionValidation() });
  const submit = form.onSubmit(async (values) => {
    try {
      const name = values.name.trim();
      await create({ variables: { input: { name, country: values.country.trim().toUpperCase() } } });
      form.reset();
      notifications.show({ color: 'green', message: t.added(name) });
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-institution">
      <Stack gap="xs">
        <Title order={3} size="h5" id="new-institution">
          {t.newInstitution}
        </Title>
        <Group align="flex-start" gap="xs">
          <TextInput label={t.institutionName} required {...form.getInputProps('name')} />
          <TextInput label={t.country} required maxLength={2} w={220} {...form.getInputProps('country')} />
        </Group>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A member's roles, granted and revoked; institutions named by membership on the member and on each role. */
function MemberRoles({ member }: { member: MemberRolesFragment }) {
  const [grant, granting] = useMutation(GrantRoleDocument);
  const [revoke, revoking] = useMutation(RevokeRoleDocument);
  const [role, setRole] = useState<string | null>(null);
  const [institutionId, setInstitutionId] = useState<string | null>(member.institutionId);
  return (
    <Card withBorder component="article" aria-label={member.displayName}>
      <Stack gap="xs">
        <Text fw={600}>
          {member.displayName} · {commonMessages.careerStages[member.careerStage]} · {member.institution.name}
        </Text>
        <Group gap="xs">
          <Text size="sm">{t.holds}:</Text>
          {member.roles.map((grant) => (
            <Group key={`${grant.role}-${grant.institutionId ?? ''}`} gap={4}>
              <Badge variant="light">
                {commonMessages.roles[grant.role]}
                {grant.institution ? ` (${grant.institution.name})` : ''}
              </Badge>
              {grant.role !== 'MEMBER' && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={revoking.loading}
                  onClick={() =>
                    void withNotice(
                      () =>
                        revoke({
                          variables: {
                            memberId: member.id,
                            role: grant.role,
                            institutionId: grant.institutionId,
                          },
                        }),
                      t.revoked,
                    )
                  }
                >
                  {t.revoke(commonMessages.roles[grant.role])}
                </Button>
              )}
            </Group>
          ))}
        </Group>
        <Group align="flex-end" gap="xs">
          <Select
            label={t.grantRole(member.displayName)}
            data={ROLES.map((value) => ({ value, label: commonMessages.roles[value] }))}
            value={role}
            onChange={setRole}
          />
          {role === 'LEAD' && (
            <InstitutionPicker
              label={t.leadInstitution}
              nothingFound={t.noInstitutions}
              known={[{ value: member.institution.id, label: institutionLabel(member.institution) }]}
              labelOf={institutionLabel}
              value={institutionId}
              onChange={(value) => setInstitutionId(value)}
            />
          )}
          <Button
            disabled={!role}
            loading={granting.loading}
            onClick={() =>
              void withNotice(
                () =>
                  grant({
                    variables: {
                      memberId: member.id,
                      role: role as Role,
                      institutionId: role === 'LEAD' ? institutionId : null,
                    },
                  }),
                t.granted,
              )
            }
          >
            {t.grant}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Roles() {
  const [name, setName] = useState('');
  const search = name.trim();
  const query = useQuery(FindMembersDocument, {
    variables: { filter: { nameContains: search } },
    skip: search.length < 2,
  });
  return (
    <Section id="roles" title={t.rolesTitle}>
      <Stack gap="sm">
        <TextInput
          label={t.findMember}
          description={t.findHint}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        {search.length >= 2 && (
          <QueryState data={query.data} loading={query.loading} error={query.error}>
            {(data) =>
              data.members.edges.length === 0 ? (
                <Text size="sm">{t.noMatch}</Text>
              ) : (
                <Stack gap="xs">
                  {nodes(data.members).map((member) => (
                    <MemberRoles key={member.id} member={member} />
                  ))}
                </Stack>
              )
            }
          </QueryState>
        )}
      </Stack>
    </Section>
  );
}

export default function InstitutionsPage() {
  const query = useQuery(AdminInstitutionsDocument);
  return (
    <Page title={t.institutionsTitle} intro={t.institutionsIntro}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => (
          <Stack gap="lg">
            <Section id="institutions" title={t.institutionsList}>
              {data.institutions.edges.length === 0 ? (
                <Text>{t.noInstitutions}</Text>
              ) : (
                <Table>
                  <Table.Tbody>
                    {nodes(data.institutions).map((institution) => (
                      <Table.Tr key={institution.id}>
                        <Table.Td>{institution.name}</Table.Td>
                        <Table.Td>{institution.country}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <ShowMore query={query} path={['institutions']} label={t.moreInstitutions} />
              <NewInstitution />
            </Section>
            <Roles />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
