import { Catch, Module, type ExceptionFilter } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DatabaseUnavailable } from '@praxis/platform/database';
import { databaseUnavailableError } from './errors';

/**
 * GraphQL errors we throw on purpose (auth refusals, bad input) go to the client as they are, and a database
 * that was away (restarting, refusing or dropping connections, in a guard, resolver or loader alike) becomes
 * SERVICE_UNAVAILABLE, without Nest logging either as an unhandled exception with its stack; `formatErrorFor`
 * logs the latter once as a warning and still logs anything unexpected.
 */
@Catch(GraphQLError, DatabaseUnavailable)
export class GraphQLErrorPassthroughFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: unknown): GraphQLError {
    return error instanceof GraphQLError ? error : databaseUnavailableError(error);
  }
}

@Module({ providers: [{ provide: APP_FILTER, useClass: GraphQLErrorPassthroughFilter }] })
export class GraphQLErrorsModule {}
