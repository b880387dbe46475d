/**
 * HTTP routes of the coach's end-of-year report: the signed-in coach's reports, one report (figures,
 * questions, answers), an answer saved, the submit, the quoting consent, the portfolio PDF; and
 * the coordinator's overview of who submitted (never a text).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcademicYear,
  MyYearReportsResponse,
  SaveYearReportAnswerRequest,
  SaveYearReportAnswerResponse,
  SetYearReportConsentRequest,
  SubmitYearReportRequest,
  YearReportResponse,
  YearReportStatusResponse,
} from '../../../contracts/endyear';
import { ErrorResponse } from '../../../contracts/identity';
import { isAcademicYear } from '../../../domain/insight/periods';
import { amsterdamDate } from '../../../domain/insight/periods';
import { isLocale } from '../../../i18n/translate';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { programmeResource } from '../relations/public';
import { getYearReport } from './get-year-report';
import { myYearReports, yearReportStatus } from './list-year-reports';
import { renderPortfolioPdf } from './render-portfolio-pdf';
import { personOf, programmeOf } from './repository';
import { saveYearReportAnswer, setYearReportConsent, submitYearReport } from './save-year-report';
import { scopeOf } from './scope';

const tags = ['endyear'];
const ReportParams = z.strictObject({ programmeId: z.uuid(), academicYear: AcademicYear });
const AnswerParams = z.strictObject({ programmeId: z.uuid(), academicYear: AcademicYear, key: z.string().min(1).max(100) });
const LangQuery = z.strictObject({ lang: z.enum(['nl', 'en']).optional() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const signedIn = (request: FastifyRequest) => {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
};

/**
 * The signed-in person's own report of a programme's year: a resource only when they coached in it
 * (or are a senior coach of the programme with an intake that year); another coach's report has no
 * address at all.
 */
const ownReport = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = ReportParams.safeParse({ programmeId: (request.params as Record<string, unknown>).programmeId, academicYear: (request.params as Record<string, unknown>).academicYear });
  if (!parsed.success || !request.signedIn || !isAcademicYear(parsed.data.academicYear)) return null;
  const actor = request.signedIn.actor;
  const programme = await programmeOf(s.db, actor.institutionId, parsed.data.programmeId);
  if (!programme) return null;
  const scope = await scopeOf(s.db, actor, programme.id, parsed.data.academicYear);
  return scope ? { kind: 'coachYearReport', institutionId: actor.institutionId, programmeId: programme.id, coachId: actor.personId } : null;
};

const statusResource = loader(ReportParams, async (s, inst, p) => {
  const programme = await programmeResource(s.db, inst, p.programmeId);
  return programme && isAcademicYear(p.academicYear) ? { kind: 'coachYearReportStatus', institutionId: inst, programmeId: programme.programmeId } : null;
});

export const endyearRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/me/year-reports',
    { config: { access: { signedIn: true } }, schema: { tags, summary: "The signed-in coach's end-of-year reports: per programme and year coached in, whether open, asked for on the home, and its state", response: { 200: MyYearReportsResponse } } },
    async (request) => myYearReports({ services, actor: signedIn(request), locale: request.locale }),
  );

  app.get(
    '/api/year-reports/:programmeId/:academicYear',
    {
      config: { access: { action: 'coachYearReport:write', resource: ownReport } },
      schema: { tags, summary: "The coach's own end-of-year report: their figures of the year, the reflection questions, their answers, submitted or not", params: ReportParams, response: { 200: YearReportResponse, ...errors } },
    },
    async (request) => getYearReport({ services, actor: signedIn(request), ...request.params, locale: request.locale }),
  );

  app.put(
    '/api/year-reports/:programmeId/:academicYear/answers/:key',
    {
      config: { access: { action: 'coachYearReport:write', resource: ownReport } },
      schema: {
        tags,
        summary: 'Save one answer of the own end-of-year report at once (autosave); 409 once submitted',
        params: AnswerParams,
        body: SaveYearReportAnswerRequest,
        response: { 200: SaveYearReportAnswerResponse, ...errors },
      },
    },
    async (request) => saveYearReportAnswer({ services, actor: signedIn(request), programmeId: request.params.programmeId, academicYear: request.params.academicYear, key: request.params.key, text: request.body.text, locale: request.locale }),
  );

  app.post(
    '/api/year-reports/:programmeId/:academicYear/submit',
    {
      config: { access: { action: 'coachYearReport:write', resource: ownReport } },
      schema: {
        tags,
        summary: 'Submit the own end-of-year report, with or without consent to quote it (without name) in the impact report; 409 when submitted already',
        params: ReportParams,
        body: SubmitYearReportRequest,
        response: { 200: z.object({ submittedAt: z.string() }), ...errors },
      },
    },
    async (request) => submitYearReport({ services, actor: signedIn(request), ...request.params, quoteConsent: request.body.quoteConsent, locale: request.locale }),
  );

  app.put(
    '/api/year-reports/:programmeId/:academicYear/consent',
    {
      config: { access: { action: 'coachYearReport:write', resource: ownReport } },
      schema: {
        tags,
        summary: 'Give or withdraw the consent to quote the submitted report in impact reports made from now on',
        params: ReportParams,
        body: SetYearReportConsentRequest,
        response: { 200: z.object({ quoteConsent: z.boolean() }), ...errors },
      },
    },
    async (request) => setYearReportConsent({ services, actor: signedIn(request), ...request.params, quoteConsent: request.body.quoteConsent, locale: request.locale }),
  );

  app.get(
    '/api/year-reports/:programmeId/:academicYear/portfolio.pdf',
    {
      config: { access: { action: 'coachYearReport:write', resource: ownReport } },
      schema: { tags, summary: "The coach's portfolio PDF of the year: figures, trainings, reflection, a line to sign for the hours", params: ReportParams, querystring: LangQuery, produces: ['application/pdf'] },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      const person = await personOf(services.db, actor.personId);
      const locale = isLocale(request.query.lang) ? request.query.lang : isLocale(person?.locale) ? person.locale : request.locale;
      const report = await getYearReport({ services, actor, ...request.params, locale });
      const pdf = await renderPortfolioPdf(report, person ? `${person.firstName} ${person.lastName}`.trim() : '', locale, amsterdamDate(services.now()));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${locale === 'nl' ? 'eindverslag' : 'end-of-year-report'}-${request.params.academicYear}.pdf"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/programmes/:programmeId/year-reports/:academicYear/status',
    {
      config: { access: { action: 'coachYearReport:readStatus', resource: statusResource } },
      schema: {
        tags,
        summary: "Who of a programme's coaches submitted their end-of-year report (counts, and the names of those still to do; never a text)",
        params: ReportParams,
        response: { 200: YearReportStatusResponse, ...errors },
      },
    },
    async (request) => yearReportStatus({ services, ...request.params }),
  );
};
