/** The beheerder's choice of grouping attributes the institution may lawfully use (ADR 0005). */
import type { AttributeSettingsResponse, UpdateAttributeSettingsRequest } from '../../../contracts/grouping';
import type { Actor } from '../../../domain/access/policy';
import { ATTRIBUTE_DEFINITIONS, GROUPING_ATTRIBUTES } from '../../../domain/grouping/student-attributes';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { attributeSettingsOf, saveAttributeSetting } from './repository';

export async function getAttributeSettings({ services, actor }: { services: Services; actor: Actor }): Promise<AttributeSettingsResponse> {
  const rows = await attributeSettingsOf(services.db, actor.institutionId);
  return {
    attributes: GROUPING_ATTRIBUTES.map((attribute) => {
      const row = rows.find((r) => r.attribute === attribute);
      const definition = ATTRIBUTE_DEFINITIONS[attribute];
      return { attribute, sensitivity: definition.sensitivity, importable: definition.importable, enabled: row?.enabled ?? false, fromImport: definition.importable && (row?.fromImport ?? false) };
    }),
  };
}

/** Saves the settings; an import source for an attribute that cannot come from an import is an error. */
export async function updateAttributeSettings({ services, actor, request }: { services: Services; actor: Actor; request: UpdateAttributeSettingsRequest }): Promise<AttributeSettingsResponse> {
  const fields = request.attributes.flatMap((a, i) =>
    a.fromImport && !ATTRIBUTE_DEFINITIONS[a.attribute].importable ? [{ path: `attributes.${i}.fromImport`, message: 'not_importable' }] : [],
  );
  if (fields.length > 0) throw new AppError('validation_failed', 'import source for a non-importable attribute', {}, fields);
  await services.db.transaction(async (tx) => {
    for (const a of request.attributes) await saveAttributeSetting(tx, actor.institutionId, a.attribute, a.enabled, a.fromImport && a.enabled, services.now());
  });
  return getAttributeSettings({ services, actor });
}
