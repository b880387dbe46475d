/** HTTP routes of the people context: the institution's people, their roles and accounts; "Mijn rollen". Thin: parse, call, map. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, OkResponse } from '../../../contracts/identity';
import {
  AccountChangeRequest,
  CreatedResponse,
  CreateStaffPersonRequest,
  FindPeopleQuery,
  FindPeopleResponse,
  GrantRoleRequest,
  MyRolesResponse,
  PersonDetail,
  RevokeRoleRequest,
  RoleChoicesResponse,
  RoleScopeParams,
  SetRoleDetailsRequest,
} from '../../../contracts/people';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { grantRole, revokeRole, setRoleDetails, type RoleTarget } from './change-role';
import { createStaffPerson } from './create-staff-person';
import { findPeople } from './find-people';
import { listRoleChoices } from './list-role-choices';
import { directoryOf, personParam, roleGrantParams } from './loaders';
import { readMyRoles, readPerson } from './read-person';
import { setAccountActive } from './set-account-active';

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

function decided<K extends Resource['kind']>(request: FastifyRequest, kind: K): Extract<Resource, { kind: K }> {
  const resource = request.accessResource;
  if (!resource || resource.kind !== kind) throw new AppError('internal', 'access resource missing');
  return resource as Extract<Resource, { kind: K }>;
}

function targetOf(request: FastifyRequest): RoleTarget {
  const r = decided(request, 'roleGrant');
  return { personId: r.holderId, institutionId: r.institutionId, role: r.role, programmeId: r.programmeId };
}

const PersonParams = z.object({ personId: z.string().uuid() });
const ROLE_PATH = '/api/people/:personId/roles/:role/scopes/:scope';
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export const peopleRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/people',
    {
      config: { access: { action: 'people:search', resource: directoryOf } },
      schema: { tags: ['people'], summary: "Find the institution's people by name, e-mail or student number (beheerder: everyone; coordinator: staff and their programmes' students), 20 per page", querystring: FindPeopleQuery, response: { 200: FindPeopleResponse } },
    },
    async (request) => findPeople({ services, actor: actorOf(request), q: request.query.q, page: request.query.page }),
  );

  app.post(
    '/api/people',
    {
      config: { access: { action: 'people:create', resource: directoryOf } },
      schema: { tags: ['people'], summary: 'Create a staff member (no password: they activate by invitation)', body: CreateStaffPersonRequest, response: { 201: CreatedResponse, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createStaffPerson({ services, actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/people/:personId',
    {
      config: { access: { action: 'person:read', resource: personParam } },
      schema: { tags: ['people'], summary: "A person's account state, roles (with classes and supervised coaches) and role history", params: PersonParams, response: { 200: PersonDetail, 404: ErrorResponse } },
    },
    async (request) => readPerson(services, request.params.personId),
  );

  for (const [verb, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(
      `/api/people/:personId/${verb}`,
      {
        config: { access: { action: 'person:deactivate', resource: personParam } },
        schema: {
          tags: ['people'],
          summary: active ? 'Reactivate an account (with a reason)' : 'Deactivate an account: sign-in refused, all its sessions ended at once, history kept (with a reason)',
          params: PersonParams,
          body: AccountChangeRequest,
          response: { 200: OkResponse, ...errors },
        },
      },
      async (request) => {
        const person = decided(request, 'person');
        await setAccountActive({ services, actor: actorOf(request), personId: person.personId, institutionId: person.institutionId, active, reason: request.body.reason });
        return { ok: true as const };
      },
    );
  }

  app.get(
    `${ROLE_PATH}/choices`,
    {
      config: { access: { action: 'role:grant', resource: roleGrantParams } },
      schema: { tags: ['people'], summary: "What can be chosen with a programme role: the programme's classes and student coaches", params: RoleScopeParams, response: { 200: RoleChoicesResponse, 404: ErrorResponse } },
    },
    async (request) => {
      const target = targetOf(request);
      return target.programmeId ? listRoleChoices(services, target.programmeId, target.personId) : { classes: [], coaches: [] };
    },
  );

  app.post(
    ROLE_PATH,
    {
      config: { access: { action: 'role:grant', resource: roleGrantParams } },
      schema: {
        tags: ['people'],
        summary: 'Grant a role at a scope (institution or a programme), with a leercoach’s classes or a senior coach’s coaches; a role already held answers 409',
        params: RoleScopeParams,
        body: GrantRoleRequest,
        response: { 201: OkResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { reason, classIds, supervisedIds } = request.body;
      await grantRole({ services, actor: actorOf(request), target: targetOf(request), reason, details: { classIds, supervisedIds } });
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.put(
    ROLE_PATH,
    {
      config: { access: { action: 'role:grant', resource: roleGrantParams } },
      schema: { tags: ['people'], summary: "Set a held role's classes (leercoach) or supervised coaches (seniorcoach)", params: RoleScopeParams, body: SetRoleDetailsRequest, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      const { reason, classIds, supervisedIds } = request.body;
      await setRoleDetails({ services, actor: actorOf(request), target: targetOf(request), reason, details: { classIds, supervisedIds } });
      return { ok: true as const };
    },
  );

  app.post(
    `${ROLE_PATH}/revoke`,
    {
      config: { access: { action: 'role:revoke', resource: roleGrantParams } },
      schema: { tags: ['people'], summary: 'Revoke a role (with a reason); the last active beheerder stays', params: RoleScopeParams, body: RevokeRoleRequest, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      await revokeRole({ services, actor: actorOf(request), target: targetOf(request), reason: request.body.reason });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/roles',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['people'], summary: 'My roles and their history: who granted or revoked what, when and why', response: { 200: MyRolesResponse } },
    },
    async (request) => {
      const actor = actorOf(request);
      return readMyRoles(services, actor.personId, actor.institutionId);
    },
  );
};
