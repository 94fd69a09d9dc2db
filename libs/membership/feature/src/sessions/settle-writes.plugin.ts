import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type {
  ApolloServerPlugin,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';
import { CURRENT_PRINCIPAL_SOURCE } from '@praxis/platform/auth';
import type { MembershipPrincipalSource } from './current-principal.source';

/**
 * A mutation's answer waits until this process has dropped what the mutation changed from the callers' answers
 * it keeps (`MembershipPrincipalSource.settle`: one NOTIFY round trip), so the caller's next request, a revoked
 * member's or a signed-out session's included, sees the change when this process serves it. Queries change
 * nothing and are not held.
 */
@Plugin()
export class SettleWritesPlugin implements ApolloServerPlugin {
  private readonly listener: GraphQLRequestListener<object>;

  constructor(@Inject(CURRENT_PRINCIPAL_SOURCE) source: MembershipPrincipalSource) {
    this.listener = {
      willSendResponse: async ({ operation }: GraphQLRequestContextWillSendResponse<object>) => {
        if (operation?.operation === 'mutation') await source.settle();
      },
    };
  }

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    return this.listener;
  }
}
