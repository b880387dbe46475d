/** The variable catalogue (content/research-variables.json) and the programmes a study may cover. */
import type { CatalogueVariable, ResearchCatalogueResponse } from '../../../contracts/research';
import type { ResearchVariable } from '../../../contracts/content/research-variables';
import type { Services } from '../../context';
import { researchRepository } from './repository';

export const catalogueVariable = (v: ResearchVariable): CatalogueVariable => ({
  id: v.id,
  type: v.type,
  quasiIdentifier: v.quasiIdentifier,
  label: v.label,
  description: v.description,
  unavailable: v.unavailable ?? null,
});

export async function getCatalogue({ services, institutionId }: { services: Services; institutionId: string }): Promise<ResearchCatalogueResponse> {
  const programmes = await researchRepository(services.db).programmesOf(institutionId);
  return {
    k: services.content.researchVariables.k,
    variables: services.content.researchVariables.variables.map(catalogueVariable),
    programmes: programmes.map((p) => ({ id: p.id, name: { nl: p.nameNl, en: p.nameEn } })),
  };
}
