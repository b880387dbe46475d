/** A map someone shared with me (my coachee's): to view, or to change together when they allowed it. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { keys, useMap } from './api';
import { MapEditor } from './MapEditor';
import { PrintPanel } from './PrintPanel';
import { SnapshotsPanel } from './SnapshotsPanel';
import './resilience.css';

export function SharedMapPage() {
  const { t } = useTranslation();
  const { mapId = '' } = useParams();
  const query = useMap(mapId);
  const name = query.data ? `${query.data.owner.firstName} ${query.data.owner.lastName}` : '';
  useDocumentTitle(query.data ? t('resilience.titleOf', { name }) : t('app.loading'));
  if (!query.data) return <PageState query={query} back={<Link to="/resilience/coach">{t('resilience.coach.title')}</Link>} />;
  const map = query.data;
  const editable = map.access !== 'view';
  return (
    <div className="stack">
      <h1>{t('resilience.titleOf', { name })}</h1>
      <Alert kind="info">{editable ? t('resilience.editTogether', { name: map.owner.firstName }) : t('resilience.readOnly', { name: map.owner.firstName })}</Alert>
      <MapEditor map={map} editable={editable} queryKey={keys.map(map.id)} />
      <SnapshotsPanel map={map} canSave={editable} queryKey={keys.map(map.id)} />
      <PrintPanel mapId={map.id} />
    </div>
  );
}
