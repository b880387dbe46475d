/** A student's own grouping attributes: what they disclosed, what counts, and changing it. */
import type { MyAttributesResponse, SaveMyAttributesRequest } from '../../../contracts/grouping';
import type { Actor } from '../../../domain/access/policy';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { ATTRIBUTE_DEFINITIONS, DISCLOSABLE_ATTRIBUTES, isValidValue, usableAttributes } from '../../../domain/grouping/student-attributes';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { consentStatus } from '../consent/public';
import { deleteStudentAttributes, enabledAttributes, saveStudentAttribute, storedAttributesOf } from './repository';

type Options = { services: Services; actor: Actor };

/** Only attributes the institution enabled are shown; a value stored for a disabled one stays hidden and unused. */
export async function getMyAttributes({ services, actor }: Options): Promise<MyAttributesResponse> {
  const [enabled, stored, consent] = await Promise.all([
    enabledAttributes(services.db, actor.institutionId),
    storedAttributesOf(services.db, [actor.personId]),
    consentStatus(services.db, actor.personId, CONSENT_FOR.groupingBackground),
  ]);
  const consentText = services.content.consents.consents.find((c) => c.id === CONSENT_FOR.groupingBackground);
  const backgroundConsent = consent === 'granted';
  const usable = usableAttributes({ enabled, stored, backgroundConsent, classCode: null });
  return {
    attributes: DISCLOSABLE_ATTRIBUTES.filter((a) => enabled.has(a)).map((attribute) => {
      const row = stored.find((r) => r.attribute === attribute);
      return {
        attribute,
        sensitivity: ATTRIBUTE_DEFINITIONS[attribute].sensitivity,
        values: [...(ATTRIBUTE_DEFINITIONS[attribute].values ?? [])],
        value: row?.value ?? null,
        source: row ? (row.source === 'import' ? 'import' : 'student') : null,
        confirmed: row?.confirmed ?? false,
        counts: usable[attribute] !== undefined,
      };
    }),
    backgroundConsent: { status: consent, version: consentText?.version ?? 1 },
  };
}

/**
 * Discloses, confirms or withdraws values. A withdrawn value is deleted, not merely hidden. An
 * attribute the institution did not enable, or a value outside the list, is a field error and
 * nothing is saved. Background values are stored even before consent (the student chose to enter
 * them) but count only while the consent holds.
 */
export async function saveMyAttributes({ services, actor, request }: Options & { request: SaveMyAttributesRequest }): Promise<MyAttributesResponse> {
  const enabled = await enabledAttributes(services.db, actor.institutionId);
  const entries = Object.entries(request.values) as [keyof typeof ATTRIBUTE_DEFINITIONS, string | null][];
  const fields = entries.flatMap(([attribute, value]) => {
    if (ATTRIBUTE_DEFINITIONS[attribute].sensitivity === 'enrolment' || !enabled.has(attribute)) return [{ path: `values.${attribute}`, message: 'not_enabled' }];
    if (value !== null && !isValidValue(attribute, value)) return [{ path: `values.${attribute}`, message: 'invalid_value' }];
    return [];
  });
  if (fields.length > 0) throw new AppError('validation_failed', 'attribute not enabled or value not allowed', {}, fields);
  await services.db.transaction(async (tx) => {
    const now = services.now();
    for (const [attribute, value] of entries) if (value !== null) await saveStudentAttribute(tx, actor.personId, attribute, value, now);
    await deleteStudentAttributes(tx, actor.personId, entries.filter(([, v]) => v === null).map(([a]) => a));
  });
  return getMyAttributes({ services, actor });
}
