/** HTTP routes of compensation's money side: a coach's own pay and claims, decisions, payouts. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePayoutBatchRequest,
  CreatePayoutBatchResponse,
  DecideExpenseClaimRequest,
  MarkPayoutPaidRequest,
  MyCompensationResponse,
  OverdueSummaryResponse,
  PayablesResponse,
  PaymentSettingsResponse,
  ProgrammeFinanceResponse,
  SaveBankAccountRequest,
  SavePaymentSettingsRequest,
  SubmitExpenseClaimRequest,
  UploadReceiptResponse,
  BankAccount,
} from '../../../contracts/finance';
import { ErrorResponse } from '../../../contracts/identity';
import { isAllowed, type Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { deleteMyBankAccount, saveMyBankAccount } from './bank-account';
import { isoDay } from './claim-view';
import { createPayoutBatch } from './create-payout-batch';
import { decideExpenseClaim } from './decide-expense-claim';
import { fieldError } from './field-error';
import { getPayables, getPaymentSettings, getPayoutFile, overdueSummary, savePaymentSettings } from './finance-desk';
import { getMyCompensation } from './get-my-compensation';
import { getProgrammeFinance } from './get-programme-finance';
import { getReceipt } from './get-receipt';
import { markPayoutPaid } from './mark-payout-paid';
import { RECEIPT_MAX_BYTES } from './receipt-file';
import { financeRepository } from './repository';
import { submitExpenseClaim } from './submit-expense-claim';
import { uploadReceipt } from './upload-receipt';

const Created = z.object({ id: z.string().uuid() });
const ClaimParams = z.strictObject({ claimId: z.string().uuid() });
const ProgrammeParams = z.strictObject({ programmeId: z.string().uuid() });
const BatchParams = z.strictObject({ batchId: z.string().uuid() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const RECEIPT_TYPES = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];

/** The signed-in coach's own pay: the programme of their coach role. */
const ownCompensation = async (request: FastifyRequest): Promise<Resource | null> => {
  const actor = request.signedIn?.actor;
  const grant = actor?.grants.find((g) => g.role === 'studentcoach' && g.programmeId !== null);
  if (!actor || !grant?.programmeId) return null;
  return { kind: 'ownCompensation', institutionId: actor.institutionId, programmeId: grant.programmeId, coachId: actor.personId };
};
const claimOf = loader(ClaimParams, async (s, inst, p) => {
  const row = await financeRepository(s.db).claimResource(inst, p.claimId);
  return row ? { kind: 'expenseClaim', institutionId: inst, ...row } : null;
});
const programmeFinanceOf = loader(ProgrammeParams, async (s, inst, p) => ((await financeRepository(s.db).programmeOf(inst, p.programmeId)) ? { kind: 'programmeFinance', institutionId: inst, programmeId: p.programmeId } : null));
const financeDesk = async (request: FastifyRequest): Promise<Resource | null> => (request.signedIn ? { kind: 'financeDesk', institutionId: request.signedIn.actor.institutionId } : null);

function own(request: FastifyRequest) {
  const r = request.accessResource;
  if (!r || r.kind !== 'ownCompensation') throw new AppError('not_found');
  return r;
}
const actorOf = (request: FastifyRequest) => {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
};

export const financeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  // A receipt arrives as the raw file; its type is decided by its bytes, whatever the request declares.
  app.addContentTypeParser(RECEIPT_TYPES, { parseAs: 'buffer', bodyLimit: RECEIPT_MAX_BYTES + 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get(
    '/api/me/payments',
    {
      config: { access: { action: 'compensation:manageOwn', resource: ownCompensation } },
      schema: { tags: ['finance'], summary: 'My compensation: my bank account (IBAN in full, to me only), my expense claims, my payments with status and date', response: { 200: MyCompensationResponse, 404: ErrorResponse } },
    },
    async (request) => {
      const r = own(request);
      return getMyCompensation({ services, institutionId: r.institutionId, coachId: r.coachId });
    },
  );

  app.put(
    '/api/me/payments/bank-account',
    {
      config: { access: { action: 'compensation:manageOwn', resource: ownCompensation } },
      schema: { tags: ['finance'], summary: 'Set my IBAN (check digits checked; stored encrypted) and the account holder', body: SaveBankAccountRequest, response: { 200: BankAccount, ...errors } },
    },
    async (request) => {
      const r = own(request);
      return saveMyBankAccount({ services, institutionId: r.institutionId, coachId: r.coachId, request: request.body, locale: request.locale });
    },
  );

  app.delete(
    '/api/me/payments/bank-account',
    {
      config: { access: { action: 'compensation:manageOwn', resource: ownCompensation } },
      schema: { tags: ['finance'], summary: 'Remove my IBAN', response: { 204: z.null(), 404: ErrorResponse } },
    },
    async (request, reply) => {
      await deleteMyBankAccount({ services, coachId: own(request).coachId });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/me/payments/receipts',
    {
      config: { access: { action: 'compensation:manageOwn', resource: ownCompensation } },
      bodyLimit: RECEIPT_MAX_BYTES + 1024 * 1024,
      schema: {
        tags: ['finance'],
        summary: 'Upload the receipt of a claim I am about to send: the raw photo or PDF, at most 10 MB; photos lose their metadata (location)',
        consumes: RECEIPT_TYPES,
        response: { 201: UploadReceiptResponse, 400: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw fieldError(request.locale, 'receipt', 'receipt.empty');
      return reply.status(201).send(await uploadReceipt({ services, coachId: own(request).coachId, bytes: request.body, locale: request.locale }));
    },
  );

  app.post(
    '/api/me/payments/expense-claims',
    {
      config: { access: { action: 'compensation:manageOwn', resource: ownCompensation } },
      schema: { tags: ['finance'], summary: 'Claim an expense with the receipt just uploaded', body: SubmitExpenseClaimRequest, response: { 201: Created, ...errors } },
    },
    async (request, reply) => {
      const r = own(request);
      return reply.status(201).send(await submitExpenseClaim({ services, institutionId: r.institutionId, programmeId: r.programmeId, coachId: r.coachId, claim: request.body, locale: request.locale }));
    },
  );

  app.get(
    '/api/expense-claims/:claimId/receipt',
    {
      // The coach, the programme's coordinator and finance; nobody else.
      config: { access: { action: 'expenseClaim:read', resource: claimOf } },
      schema: { tags: ['finance'], summary: "A claim's receipt (JPEG, PNG, WebP or PDF)", params: ClaimParams, produces: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] },
    },
    async (request, reply) => {
      const receipt = await getReceipt({ services, claimId: request.params.claimId });
      const etag = `"${receipt.sha256}"`;
      void reply
        .header('cache-control', 'private, max-age=3600')
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', 'inline');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(receipt.contentType).send(receipt.bytes);
    },
  );

  app.post(
    '/api/expense-claims/:claimId/decision',
    {
      config: { access: { action: 'expenseClaim:decide', resource: claimOf } },
      schema: { tags: ['finance'], summary: 'Approve or reject (with a reason) an expense claim; a second decision gets 409', params: ClaimParams, body: DecideExpenseClaimRequest, response: { 200: z.object({ id: z.string().uuid(), status: z.string(), promisedPayDate: z.string().nullable() }), ...errors } },
    },
    async (request) => decideExpenseClaim({ services, claimId: request.params.claimId, deciderId: actorOf(request).personId, decision: request.body, locale: request.locale }),
  );

  app.get(
    '/api/programmes/:programmeId/finance',
    {
      config: { access: { action: 'programmeFinance:read', resource: programmeFinanceOf } },
      schema: { tags: ['finance'], summary: "The programme's expense claims, overdue payments and the 'paid on time' figure", params: ProgrammeParams, response: { 200: ProgrammeFinanceResponse, 404: ErrorResponse } },
    },
    async (request) => getProgrammeFinance({ services, institutionId: actorOf(request).institutionId, programmeId: request.params.programmeId }),
  );

  app.get(
    '/api/me/overdue-payments',
    {
      // Every signed-in person may ask; the answer counts only what the policy lets them manage.
      config: { access: { signedIn: true } },
      schema: { tags: ['finance'], summary: 'Overdue payments I can act on (finance: the institution; coordinator: their programmes), for the home card', response: { 200: OverdueSummaryResponse } },
    },
    async (request) => {
      const actor = actorOf(request);
      const desk: Resource = { kind: 'financeDesk', institutionId: actor.institutionId };
      if (isAllowed(actor, 'payout:manage', desk)) return { ...(await overdueSummary({ services, institutionId: actor.institutionId, programmeIds: 'all' })), link: '/finance' };
      const programmes = [...new Set(actor.grants.flatMap((g) => (g.role === 'coordinator' && g.programmeId ? [g.programmeId] : [])))].filter((programmeId) =>
        isAllowed(actor, 'programmeFinance:read', { kind: 'programmeFinance', institutionId: actor.institutionId, programmeId }),
      );
      if (programmes.length === 0) return { overdue: 0, oldestPromisedPayDate: null, link: null };
      return { ...(await overdueSummary({ services, institutionId: actor.institutionId, programmeIds: programmes })), link: `/programmes/${programmes[0]}/payments` };
    },
  );

  app.get(
    '/api/finance/payables',
    {
      config: { access: { action: 'payout:manage', resource: financeDesk } },
      schema: { tags: ['finance'], summary: 'Approved, unpaid statements and claims (with IBANs), the paying account, and the payout batches', response: { 200: PayablesResponse, 404: ErrorResponse } },
    },
    async (request) => getPayables({ services, institutionId: actorOf(request).institutionId }),
  );

  app.post(
    '/api/finance/payout-batches',
    {
      config: { access: { action: 'payout:manage', resource: financeDesk } },
      schema: { tags: ['finance'], summary: 'Create a payout batch: a SEPA file (pain.001.001.03, validated against the XSD and the SEPA rules) and a CSV of everything payable', body: CreatePayoutBatchRequest, response: { 201: CreatePayoutBatchResponse, ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.body.executionDate < isoDay(services.now())) throw fieldError(request.locale, 'executionDate', 'batch.executionDateInPast');
      return reply.status(201).send(await createPayoutBatch({ services, institutionId: actor.institutionId, actorId: actor.personId, executionDate: request.body.executionDate }));
    },
  );

  for (const format of ['xml', 'csv'] as const) {
    app.get(
      `/api/finance/payout-batches/:batchId/${format === 'xml' ? 'sepa.xml' : 'payments.csv'}`,
      {
        config: { access: { action: 'payout:manage', resource: financeDesk } },
        schema: { tags: ['finance'], summary: format === 'xml' ? "A batch's SEPA credit-transfer file" : "A batch's transfers as CSV (for payment through HR)", params: BatchParams, produces: [format === 'xml' ? 'application/xml' : 'text/csv'] },
      },
      async (request, reply) => {
        const file = await getPayoutFile({ services, institutionId: actorOf(request).institutionId, batchId: request.params.batchId, format });
        void reply
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename="${file.fileName}"`);
        return reply.type(format === 'xml' ? 'application/xml; charset=utf-8' : 'text/csv; charset=utf-8').send(file.body);
      },
    );
  }

  app.post(
    '/api/finance/payout-batches/:batchId/paid',
    {
      config: { access: { action: 'payout:manage', resource: financeDesk } },
      schema: { tags: ['finance'], summary: 'Mark a batch paid on a date: its statements and claims show as paid', params: BatchParams, body: MarkPayoutPaidRequest, response: { 200: z.object({ id: z.string().uuid(), paidOn: z.string() }), ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.body.paidOn > isoDay(services.now())) throw fieldError(request.locale, 'paidOn', 'batch.paidOnInFuture');
      return markPayoutPaid({ services, institutionId: actor.institutionId, batchId: request.params.batchId, paidOn: request.body.paidOn, actorId: actor.personId });
    },
  );

  app.get(
    '/api/finance/payment-settings',
    {
      config: { access: { action: 'paymentSettings:manage', resource: financeDesk } },
      schema: { tags: ['finance'], summary: "The institution's paying account (debtor of the SEPA file)", response: { 200: PaymentSettingsResponse, 404: ErrorResponse } },
    },
    async (request) => getPaymentSettings({ services, institutionId: actorOf(request).institutionId }),
  );

  app.put(
    '/api/finance/payment-settings',
    {
      config: { access: { action: 'paymentSettings:manage', resource: financeDesk } },
      schema: { tags: ['finance'], summary: "Set the institution's paying account: name, IBAN, BIC", body: SavePaymentSettingsRequest, response: { 200: PaymentSettingsResponse, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      return savePaymentSettings({ services, institutionId: actor.institutionId, actorId: actor.personId, request: request.body, locale: request.locale });
    },
  );
};
