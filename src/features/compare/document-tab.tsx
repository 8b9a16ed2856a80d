import { Suspense, lazy } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import type { DocumentViewProps } from './document-view/document-view';

// pdf.js is heavy: the Document view loads only when its tab is opened.
const LazyDocumentView = lazy(() => import('./document-view/document-view'));

export function DocumentTab(props: DocumentViewProps) {
  return (
    <ErrorBoundary area={`Document view of ${props.label}`}>
      <Suspense fallback={<p role="status">Loading the document…</p>}>
        <LazyDocumentView {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
