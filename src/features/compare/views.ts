/** The views every pane shows; one selection is shared by all panes. */
export const VIEWS = [
  { id: 'content', label: 'Content' },
  { id: 'blocks', label: 'Blocks' },
  { id: 'extract', label: 'Extract' },
  { id: 'split', label: 'Split' },
  { id: 'json', label: 'JSON' },
  { id: 'document', label: 'Document' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

/** Id of a view's tab (the panels of every pane point at it). */
export const tabIdOf = (view: ViewId) => `compare-tab-${view}`;
