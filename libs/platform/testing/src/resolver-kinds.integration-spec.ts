import { Catch, Module, type ExceptionFilter } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import {
  Directive,
  Field,
  ID,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
  type GqlExceptionFilter,
} from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { Public } from '@praxis/platform/auth';
import { startSubgraphHarness, type SubgraphHarness } from './subgraph-harness';
import { publicError } from '@praxis/platform/graphql';

class ToyDomainError extends Error {}

@Catch(ToyDomainError)
class ToyErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: ToyDomainError): GraphQLError {
    return publicError('FAILED_PRECONDITION', error.message, { reason: 'TOY' });
  }
}

@ObjectType('Thing')
@Directive('@key(fields: "id")')
class ThingObject {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => ThingObject)
class ThingResolver {
  @Public()
  @Query(() => ThingObject)
  thing(): ThingObject {
    return { id: 'a' };
  }

  @ResolveField(() => String)
  secret(@Parent() thing: ThingObject): string {
    throw new ToyDomainError(`field of ${thing.id} refused`);
  }

  @ResolveReference()
  resolveReference(@Parent() reference: { id: string }): ThingObject {
    throw new ToyDomainError(`reference ${reference.id} refused`);
  }
}

@Module({ providers: [ThingResolver, { provide: APP_FILTER, useClass: ToyErrorFilter }] })
class ToyFeatureModule {}

describe('one error mapping and one guard for every resolver kind', () => {
  let subgraph: SubgraphHarness;

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'resolver_kinds',
      database: { entities: [], migrations: [] },
      feature: () => ({ module: ToyFeatureModule }),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it("maps a field resolver's domain error through the service's filter, not as an internal error", async () => {
    const result = await subgraph.execute(null, '{ thing { id secret } }');
    expect(result.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['FAILED_PRECONDITION', 'field of a refused'],
    ]);
  });

  it('guards a reference resolver like an operation: no token, no entity', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id } } }';
    const anonymous = await subgraph.execute(null, query, { r: [{ __typename: 'Thing', id: 'b' }] });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const signedIn = await subgraph.execute({ memberId: 'someone' }, query, {
      r: [{ __typename: 'Thing', id: 'b' }],
    });
    expect(signedIn.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['FAILED_PRECONDITION', 'reference b refused'],
    ]);
  });
});
