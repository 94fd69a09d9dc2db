import 'reflect-metadata';
import { getApolloServer } from '@nestjs/apollo';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Field, GraphQLSchemaHost, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import { createLogger } from '@praxis/platform/observability';
import { subgraphModule } from './subgraph.module';

@ObjectType()
class Cell {
  @Field(() => Int)
  value!: number;
}

@ObjectType()
class Grid {
  @Field(() => [Cell])
  cells!: Cell[];
}

@Resolver(() => Grid)
class GridResolver {
  @Query(() => Grid)
  grid(): Grid {
    return { cells: [{ value: 1 }, { value: 2 }] };
  }
}

@Module({ providers: [GridResolver] })
class GridModule {}

describe('subgraphModule: what runs per request and per field', () => {
  let app: INestApplication;
  /** Each field's resolve as the schema was built, before any operation ran. */
  let built: unknown[];

  function resolvers(): unknown[] {
    const schema = app.get(GraphQLSchemaHost).schema;
    return ['Grid', 'Cell'].flatMap((name) => {
      const type = schema.getType(name);
      if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type`);
      return Object.values(type.getFields()).map((field) => field.resolve);
    });
  }

  beforeAll(async () => {
    @Module({ imports: [subgraphModule({ logger: createLogger('subgraph-spec', 'silent') }), GridModule] })
    class Root {}
    app = await NestFactory.create(Root, { logger: false });
    await app.init();
    built = resolvers();
  });

  afterAll(async () => {
    await app.close();
  });

  async function execute() {
    const response = await getApolloServer(app).executeOperation({ query: '{ grid { cells { value } } }' });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
    return { result: response.body.singleResult, headers: response.http.headers };
  }

  it('answers with Cache-Control: no-store (answers carry members and institutions figures)', async () => {
    const { result, headers } = await execute();
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ grid: { cells: [{ value: 1 }, { value: 2 }] } });
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('leaves every field resolver as built: no plugin wraps each field of the schema', async () => {
    // a plugin with willResolveField (cache control, inline traces) makes Apollo replace each field's resolve
    // at the first execution with a wrapper that calls the plugins, a call per field of every answer
    await execute();
    expect(resolvers()).toEqual(built);
  });
});
