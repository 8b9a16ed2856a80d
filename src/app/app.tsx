import { lazy, Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { ConnectionPanel } from '@/features/settings/connection-panel';
import { ModeBadge } from '@/features/settings/mode-badge';
import { PipelineList } from '@/features/pipelines/pipeline-list';
import { DocumentDropzone } from '@/features/upload/document-dropzone';
import { RunsWorkspace } from '@/features/runs/runs-workspace';
import { HistoryPanel } from '@/features/history/history-panel';

// The compare view carries Markdown, sanitising, diffing and JSON viewing:
// loaded after the first paint so the initial bundle stays small.
const CompareView = lazy(() =>
  import('@/features/compare/compare-view').then((m) => ({
    default: m.CompareView,
  })),
);

/** Each area fails on its own: the rest of the app keeps working. */
function Area({ name, children }: { name: string; children: ReactNode }) {
  return <ErrorBoundary area={name}>{children}</ErrorBoundary>;
}

/** Composition root: the only place where features meet. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Reducto Pipeline Compare</h1>
        <ModeBadge />
      </header>
      <main className="app-main">
        <div className="app-setup">
          <Area name="Connection">
            <ConnectionPanel />
          </Area>
          <Area name="Pipelines">
            <PipelineList />
          </Area>
          <Area name="Documents">
            <DocumentDropzone />
          </Area>
        </div>
        <Area name="Runs">
          <RunsWorkspace />
        </Area>
        <Area name="Compare">
          <Suspense
            fallback={
              <section aria-label="Compare" aria-busy="true">
                <h2>Compare</h2>
                <p>Loading the compare view…</p>
              </section>
            }
          >
            <CompareView />
          </Suspense>
        </Area>
        <Area name="History">
          <HistoryPanel />
        </Area>
      </main>
    </div>
  );
}
