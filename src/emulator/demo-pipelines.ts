/**
 * The built-in demo pipelines of the emulator. Deliberately tiny and free of
 * imports: the app's initial bundle imports this list (to offer the pipelines
 * in demo mode) while the emulator itself and pdf.js are loaded lazily.
 */

export interface DemoPipeline {
  /** The pipeline_id to send. */
  id: string;
  /** Short human label, e.g. for the saved pipeline list. */
  label: string;
  /** One sentence on what the pipeline does differently. */
  description: string;
}

export const DEMO_PIPELINES: readonly DemoPipeline[] = [
  {
    id: 'demo-lines',
    label: 'Demo: lines',
    description:
      'One text block per line and one chunk per page, like an early parser version.',
  },
  {
    id: 'demo-layout',
    label: 'Demo: layout',
    description:
      'Paragraph blocks; titles, section headers, headers, footers and page numbers typed; one chunk per section.',
  },
  {
    id: 'demo-extract',
    label: 'Demo: extract',
    description:
      'The layout parse plus extracted fields (title, headings, page count, first paragraph) with citations.',
  },
  {
    id: 'demo-split',
    label: 'Demo: split',
    description:
      'The layout parse plus page ranges for every detected section.',
  },
];

export type DemoPipelineId =
  'demo-lines' | 'demo-layout' | 'demo-extract' | 'demo-split';

/** The API key the emulator accepts unless configured otherwise. */
export const DEMO_API_KEY = 'demo-key';

export function isDemoPipelineId(id: string): id is DemoPipelineId {
  return DEMO_PIPELINES.some((pipeline) => pipeline.id === id);
}
