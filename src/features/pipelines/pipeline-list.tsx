import { useState } from 'react';
import { Notice } from '@/components/notice';
import {
  pipelinesActions,
  usePipelinesStorageProblem,
  useSavedPipelines,
} from '@/store/pipelines-store';
import { AddPipelineForm } from './add-pipeline-form';
import { PipelineRow } from './pipeline-row';

/** The saved pipelines, which of them run next, and adding new ones. */
export function PipelineList() {
  const pipelines = useSavedPipelines();
  const storageProblem = usePipelinesStorageProblem();
  const [announcement, setAnnouncement] = useState('');
  const own = pipelines.filter((p) => !p.demo);
  const selectedCount = pipelines.filter((p) => p.selected).length;

  return (
    <section aria-labelledby="pipelines-heading" className="panel">
      <h2 id="pipelines-heading">Pipelines</h2>
      {storageProblem && (
        <Notice
          tone="warning"
          title="Saved pipelines"
          role="alert"
          onDismiss={() => pipelinesActions.storageProblemDismissed()}
        >
          {storageProblem}
        </Notice>
      )}
      <AddPipelineForm
        onAdded={(label) => setAnnouncement(`Added ${label}.`)}
      />
      {pipelines.length === 0 ? (
        <p className="empty">
          No pipelines yet. Add a pipeline ID from Reducto Studio.
        </p>
      ) : (
        <>
          <p className="list-summary">
            {selectedCount} of {pipelines.length} selected for the next run.
          </p>
          <ul className="pipeline-list" aria-label="Saved pipelines">
            {pipelines.map((pipeline) => (
              <PipelineRow
                key={`${pipeline.demo ? 'demo' : 'own'}:${pipeline.id}`}
                pipeline={pipeline}
                isFirst={own[0]?.id === pipeline.id}
                isLast={own[own.length - 1]?.id === pipeline.id}
                onRemoved={(label) => setAnnouncement(`Removed ${label}.`)}
              />
            ))}
          </ul>
        </>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
