/** HTTP routes of the programme's evidence: the dashboard, its tables as CSV, the impact report (JSON, texts, PDF). */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import { AcademicYear, DashboardQuery, DashboardResponse, ImpactReportResponse, InsightProgrammesResponse, MailSettingsResponse, SaveImpactReportTextsRequest, SaveMailSettingsRequest, SectionId } from '../../../contracts/insight';
import { isAllowed } from '../../../domain/access/policy';
import { amsterdamDate } from '../../../domain/insight/periods';
import { isLocale, translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { programmeResource } from '../relations/public';
import { tableCsv } from './csv';
import { getDashboard } from './get-dashboard';
import { getImpactReport, saveImpactReportTexts } from './impact-report';
import { getMailSettings, saveMailSettings } from './mail-settings';
import { renderReportPdf } from './render-report-pdf';
import { programmesOf } from './repository';

const tags = ['insight'];
const ProgrammeParams = z.strictObject({ programmeId: z.uuid() });
const SectionParams = z.strictObject({ programmeId: z.uuid(), sectionId: SectionId });
const ReportParams = z.strictObject({ programmeId: z.uuid(), academicYear: AcademicYear });
const LangQuery = z.strictObject({ lang: z.enum(['nl', 'en']).optional() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const signedIn = (request: FastifyRequest) => {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
};

/** The programme's evidence as a policy resource (404 for a programme of another institution or none). */
const insightResource = <P extends z.ZodType<{ programmeId: string }>>(params: P) =>
  loader(params, async (s, inst, p) => {
    const programme = await programmeResource(s.db, inst, p.programmeId);
    return programme ? { kind: 'programmeInsight', institutionId: inst, programmeId: programme.programmeId } : null;
  });

export const insightRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/insight/programmes',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'The programmes whose dashboard the signed-in person may read (for the programme filter)', response: { 200: InsightProgrammesResponse } } },
    async (request) => {
      const actor = signedIn(request);
      const all = await programmesOf(services.db, actor.institutionId);
      const resource = (programmeId: string) => ({ kind: 'programmeInsight' as const, institutionId: actor.institutionId, programmeId });
      return {
        programmes: all
          .filter((p) => isAllowed(actor, 'insight:read', resource(p.id)))
          .map((p) => ({ id: p.id, name: request.locale === 'nl' ? p.nameNl : p.nameEn, canWriteReport: isAllowed(actor, 'insight:writeReport', resource(p.id)) })),
      };
    },
  );

  app.get(
    '/api/programmes/:programmeId/dashboard',
    {
      config: { access: { action: 'insight:read', resource: insightResource(ProgrammeParams) } },
      schema: {
        tags,
        summary: 'The programme dashboard for a filter (intake, period): each section with its chart (SVG) and table; cells about fewer than 5 people are null',
        params: ProgrammeParams,
        querystring: DashboardQuery,
        response: { 200: DashboardResponse, ...errors },
      },
    },
    async (request) => getDashboard({ services, actor: signedIn(request), programmeId: request.params.programmeId, query: request.query, locale: request.locale }),
  );

  app.get(
    '/api/programmes/:programmeId/dashboard/:sectionId/table.csv',
    {
      config: { access: { action: 'insight:read', resource: insightResource(SectionParams) } },
      schema: { tags, summary: "One dashboard section's table as CSV (suppressed cells as '<5')", params: SectionParams, querystring: DashboardQuery, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const dashboard = await getDashboard({ services, actor: signedIn(request), programmeId: request.params.programmeId, query: request.query, locale: request.locale });
      const section = dashboard.sections.find((s) => s.id === request.params.sectionId);
      if (!section) throw new AppError('not_found');
      const csv = tableCsv(section.table, translate(request.locale, 'insight.suppressed'), request.locale);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${section.id}-${dashboard.filter.from}-${dashboard.filter.to}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  app.get(
    '/api/programmes/:programmeId/impact-report/:academicYear',
    {
      config: { access: { action: 'insight:read', resource: insightResource(ReportParams) } },
      schema: { tags, summary: "The impact report of a programme's academic year (the page; aggregates only)", params: ReportParams, response: { 200: ImpactReportResponse, ...errors } },
    },
    async (request) => getImpactReport({ services, actor: signedIn(request), programmeId: request.params.programmeId, academicYear: request.params.academicYear, locale: request.locale }),
  );

  app.put(
    '/api/programmes/:programmeId/impact-report/:academicYear/texts',
    {
      config: { access: { action: 'insight:writeReport', resource: insightResource(ReportParams) } },
      schema: {
        tags,
        summary: "Save the coordinator's texts of the impact report (what went well, what is needed); 409 when someone saved meanwhile",
        params: ReportParams,
        body: SaveImpactReportTextsRequest,
        response: { 200: z.object({ version: z.number().int() }), ...errors },
      },
    },
    async (request) => saveImpactReportTexts({ services, actor: signedIn(request), programmeId: request.params.programmeId, academicYear: request.params.academicYear, request: request.body }),
  );

  app.get(
    '/api/programmes/:programmeId/impact-report/:academicYear/report.pdf',
    {
      config: { access: { action: 'insight:read', resource: insightResource(ReportParams) } },
      schema: { tags, summary: 'The impact report as a PDF, in Dutch or English', params: ReportParams, querystring: LangQuery, produces: ['application/pdf'] },
    },
    async (request, reply) => {
      const locale = isLocale(request.query.lang) ? request.query.lang : request.locale;
      const report = await getImpactReport({ services, actor: signedIn(request), programmeId: request.params.programmeId, academicYear: request.params.academicYear, locale });
      const pdf = await renderReportPdf(report, locale, amsterdamDate(services.now()));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${locale === 'nl' ? 'jaarverslag' : 'impact-report'}-${request.params.academicYear}.pdf"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/me/mail-settings',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My mail settings: the weekly digest on or off (for a coordinator)', response: { 200: MailSettingsResponse } } },
    async (request) => getMailSettings({ services, actor: signedIn(request) }),
  );

  app.put(
    '/api/me/mail-settings',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Change my mail settings', body: SaveMailSettingsRequest, response: { 200: MailSettingsResponse, ...errors } } },
    async (request) => saveMailSettings({ services, actor: signedIn(request), weeklyDigest: request.body.weeklyDigest }),
  );
};
