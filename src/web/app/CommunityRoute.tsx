import { CommunityPage, type CommunityCards } from '../features/communities/CommunityPage';
import { CommunityRatesCard } from '../features/evaluation/CommunityRatesCard';

/** The cards other features put on a community's page; composed here, so features never import each other. */
const cards: CommunityCards = (community, relation) => (
  // The response rates: the community's coach and the coordinator (the policy's evaluation:readResponseRates).
  <>{(relation === 'coach' || relation === 'coordinator') && <CommunityRatesCard communityId={community.id} />}</>
);

export function CommunityRoute() {
  return <CommunityPage cards={cards} />;
}
