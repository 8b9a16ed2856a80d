import { useState } from 'react';
import type { NormalizedResult } from '@/results/model';
import { copyText } from './clipboard';
import { downloadText } from './download';
import { buildResultJson } from './export-json';
import { buildResultMarkdown } from './export-markdown';
import { safeFileName } from './export-metadata';
import type { PaneInfo } from './pane-model';

interface PaneExportsProps {
  pane: PaneInfo;
  raw: unknown;
  result: NormalizedResult;
}

/** Export and copy buttons for one pane's result, with a confirmation. */
export function PaneExports({ pane, raw, result }: PaneExportsProps) {
  const [message, setMessage] = useState('');
  const base = `${safeFileName(pane.documentName)}-${safeFileName(pane.name)}`;
  const json = () => buildResultJson(pane, raw);
  const markdown = () => buildResultMarkdown(pane, result);
  /** Builds the text; a failure is shown, never thrown from a click. */
  const built = (what: string, build: () => string): string | null => {
    try {
      return build();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setMessage(`Could not export ${what}: ${reason}.`);
      return null;
    }
  };
  const copy = async (what: string, build: () => string) => {
    const text = built(what, build);
    if (text === null) return;
    const ok = await copyText(text);
    setMessage(
      ok
        ? `Copied ${what} to the clipboard.`
        : `Could not copy ${what}: the browser refused. Use the export instead.`,
    );
  };
  return (
    <div
      role="toolbar"
      aria-label={`Export ${pane.name}`}
      className="pane-exports"
    >
      <button
        type="button"
        onClick={() => {
          const text = built('JSON', json);
          if (text === null) return;
          downloadText(`${base}.json`, text, 'application/json');
          setMessage('Exported JSON.');
        }}
      >
        Export JSON
      </button>
      <button type="button" onClick={() => copy('JSON', json)}>
        Copy JSON
      </button>
      <button
        type="button"
        onClick={() => {
          downloadText(`${base}.md`, markdown(), 'text/markdown');
          setMessage('Exported Markdown.');
        }}
      >
        Export Markdown
      </button>
      <button type="button" onClick={() => copy('Markdown', markdown)}>
        Copy Markdown
      </button>
      <span role="status" className="pane-export-status">
        {message}
      </span>
    </div>
  );
}
