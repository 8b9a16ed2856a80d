import { formatBytes } from '@/lib/format';
import { documentsActions, type DocumentEntry } from '@/store/documents-store';

interface DocumentTableProps {
  documents: DocumentEntry[];
}

const pagesText = (doc: DocumentEntry) => {
  if (doc.pageCount !== null) return String(doc.pageCount);
  return doc.type === 'application/pdf' ? 'unknown' : '—';
};

/** The documents of the next run: name, size, pages, and a remove button. */
export function DocumentTable({ documents }: DocumentTableProps) {
  return (
    <table className="document-table">
      <caption className="visually-hidden">Documents to run</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className="numeric">
            Size
          </th>
          <th scope="col" className="numeric">
            Pages
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((doc) => (
          <tr key={doc.key}>
            <th scope="row" className="document-name">
              {doc.name}
            </th>
            <td className="numeric">{formatBytes(doc.size)}</td>
            <td className="numeric">{pagesText(doc)}</td>
            <td className="actions">
              <button
                type="button"
                className="button-quiet button-danger"
                aria-label={`Remove ${doc.name}`}
                onClick={() => documentsActions.removed(doc.key)}
              >
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
