import { Component, lazy, Suspense, type ComponentType, type ErrorInfo, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ensurePageMessages } from '../i18n';
import { isChunkLoadError } from './chunk-error';

/**
 * A page's code as its own chunk (#20 item 7): the module is fetched the first time the route is
 * shown, so a page loads only its own code, together with the parts of the messages its code uses
 * (messages-plugin.ts); the page renders once both are there. `name` picks the named export (pages
 * are named exports) and names the page in the build's message manifest.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<ComponentType> {
  return lazy<ComponentType>(async () => {
    try {
      const [module] = await Promise.all([load(), ensurePageMessages(name)]);
      return { default: module[name] };
    } catch (error) {
      // The chunk is gone (a deploy) or the network dropped: the page says so, with a reload
      // button, rather than throwing (nothing to log: this is expected after a deploy).
      if (isChunkLoadError(error)) return { default: ChunkFailed };
      throw error;
    }
  });
}

function ChunkFailed() {
  return <PageFailed chunk />;
}

/** While a page's code arrives: the same calm loading line every page shows for its data. */
function PageLoading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loading')}</p>;
}

/** A page whose code could not be loaded (a new version was deployed, or the network dropped). */
function PageFailed({ chunk }: { chunk: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t(chunk ? 'app.chunkFailedTitle' : 'app.pageFailedTitle')}</h1>
      <p>{t(chunk ? 'app.chunkFailed' : 'app.errorGeneric')}</p>
      <p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </p>
    </div>
  );
}

class Boundary extends Component<{ children: ReactNode; resetKey: string }, { error: unknown; key: string }> {
  override state: { error: unknown; key: string } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: unknown; key: string }) {
    // Navigating elsewhere clears the failure: the next page gets its own chance.
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo) {
    // Shown on the page; nothing is logged (a page's error may carry a person's data).
  }

  override render() {
    if (this.state.error !== null) return <PageFailed chunk={isChunkLoadError(this.state.error)} />;
    return this.props.children;
  }
}

/**
 * Around the routed page: a loading line while its code arrives and, when it cannot be loaded, a
 * translated message with a reload button instead of a blank page. The header stays.
 */
export function PageBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Boundary resetKey={pathname}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </Boundary>
  );
}
