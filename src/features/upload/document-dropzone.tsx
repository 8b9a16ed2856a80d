import { useState } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import { ACCEPTED_TYPES_TEXT, DOCUMENT_ACCEPT } from '@/lib/document-types';
import {
  documentsActions,
  useDocuments,
  useDocumentsReading,
  type FileProblem,
} from '@/store/documents-store';
import { DocumentTable } from './document-table';
import { FileProblems } from './file-problems';

/**
 * Documents for the next run, by drag-and-drop or the file picker. Every
 * file, including those react-dropzone would reject by type, goes through
 * one check (type, size, duplicate content), so each refused file gets its
 * own message with the reason.
 */
export function DocumentDropzone() {
  const documents = useDocuments();
  const reading = useDocumentsReading();
  const [problems, setProblems] = useState<FileProblem[]>([]);

  const onDrop = (accepted: File[], rejected: FileRejection[]) => {
    const files = [...accepted, ...rejected.map((r) => r.file)];
    if (files.length === 0) return;
    void documentsActions.filesAdded(files).then(setProblems);
  };

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop,
    // The picker's filter; the real check is documentsActions.filesAdded.
    accept: DOCUMENT_ACCEPT,
    multiple: true,
    // A real button opens the picker: the drop area is not a control.
    noClick: true,
    noKeyboard: true,
  });

  return (
    <section aria-labelledby="documents-heading" className="panel">
      <h2 id="documents-heading">Documents</h2>
      <div
        {...getRootProps({
          className: `dropzone${isDragActive ? ' dropzone-active' : ''}`,
          role: 'group',
          'aria-label': 'Drop area for documents',
        })}
      >
        <input {...getInputProps({ 'aria-label': 'Add documents' })} />
        <p className="dropzone-text">
          {isDragActive ? 'Drop to add' : 'Drag files here, or'}{' '}
          {!isDragActive && (
            <button type="button" className="button-primary" onClick={open}>
              Choose files…
            </button>
          )}
        </p>
        <p className="field-help">
          PDF first; also {ACCEPTED_TYPES_TEXT.replace(/^PDF, /, '')}. Up to 5
          GB each.
        </p>
      </div>
      <p role="status" className="reading-status">
        {reading > 0 &&
          `Reading ${reading} ${reading === 1 ? 'file' : 'files'}…`}
      </p>
      <FileProblems problems={problems} onDismiss={() => setProblems([])} />
      {documents.length === 0 ? (
        <p className="empty">No documents yet.</p>
      ) : (
        <>
          <DocumentTable documents={documents} />
          <button
            type="button"
            className="button-quiet"
            onClick={() => documentsActions.cleared()}
          >
            Remove all documents
          </button>
        </>
      )}
    </section>
  );
}
