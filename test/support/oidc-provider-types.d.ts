/**
 * The few parts of oidc-provider 9 (a dev dependency without type definitions) that the tests'
 * OpenID provider uses.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AccountClaims = { sub: string; [claim: string]: unknown };
  export type Account = { accountId: string; claims(use: string, scope: string): AccountClaims | Promise<AccountClaims> };
  export type InteractionDetails = { uid: string; prompt: { name: string }; params: Record<string, unknown> };
  export type GrantInstance = { addOIDCScope(scope: string): void; save(): Promise<string> };
  export type OidcContext = { oidc: { client?: { clientId: string }; session?: { accountId?: string } } };

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    Grant: new (properties: { clientId: string; accountId: string }) => GrantInstance;
  }
}
