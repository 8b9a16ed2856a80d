import { ConnectionPanel } from '@/features/settings/connection-panel';
import { PipelineList } from '@/features/pipelines/pipeline-list';
import { DocumentDropzone } from '@/features/upload/document-dropzone';
import { RunsWorkspace } from '@/features/runs/runs-workspace';
import { HistoryPanel } from '@/features/history/history-panel';
import { CompareView } from '@/features/compare/compare-view';

/** Composition root: the only place where features meet. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Reducto Pipeline Compare</h1>
      </header>
      <main className="app-main">
        <div className="app-setup">
          <ConnectionPanel />
          <PipelineList />
          <DocumentDropzone />
        </div>
        <RunsWorkspace />
        <CompareView />
        <HistoryPanel />
      </main>
    </div>
  );
}
