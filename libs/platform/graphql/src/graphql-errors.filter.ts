import { Catch, Module, type ExceptionFilter } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * GraphQL errors we throw on purpose (auth refusals, bad input) go to the client as they are, without Nest
 * logging each one as an unhandled exception; `formatErrorFor` still logs anything unexpected.
 */
@Catch(GraphQLError)
export class GraphQLErrorPassthroughFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}

@Module({ providers: [{ provide: APP_FILTER, useClass: GraphQLErrorPassthroughFilter }] })
export class GraphQLErrorsModule {}
