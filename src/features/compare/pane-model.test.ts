import { choosePaneRuns, resolveBaselineId, toPaneInfos } from './pane-model';
import { buildRun } from './testing/fixtures';

const at = (minute: number) => Date.UTC(2026, 0, 1, 12, minute);

describe('choosePaneRuns', () => {
  const a1 = buildRun({ pipelineLabel: 'A', createdAt: at(1) });
  const b1 = buildRun({ pipelineLabel: 'B', createdAt: at(2) });
  const a2 = buildRun({ pipelineLabel: 'A', createdAt: at(3) });
  const aFailed = buildRun({
    pipelineLabel: 'A',
    status: 'failed',
    createdAt: at(4),
  });
  const cRunning = buildRun({
    pipelineLabel: 'C',
    status: 'running',
    createdAt: at(5),
  });

  it('takes the latest completed run per label, in first-run order', () => {
    const panes = choosePaneRuns([cRunning, aFailed, a2, b1, a1], []);
    expect(panes.map((r) => r.id)).toEqual([a2.id, b1.id, cRunning.id]);
  });

  it('takes the chosen runs, in the chosen order, skipping unknown ids', () => {
    const panes = choosePaneRuns([a1, a2, b1], [a2.id, 'gone', a1.id]);
    expect(panes.map((r) => r.id)).toEqual([a2.id, a1.id]);
  });

  it('falls back to the latest per label when every chosen run is gone', () => {
    const panes = choosePaneRuns([a1, b1], ['deleted-1', 'deleted-2']);
    expect(panes.map((r) => r.id)).toEqual([a1.id, b1.id]);
  });
});

describe('toPaneInfos', () => {
  it('names panes by label, adding the run date when labels repeat', () => {
    const names = toPaneInfos([
      buildRun({ pipelineLabel: 'A', createdAt: at(1) }),
      buildRun({ pipelineLabel: 'A', createdAt: at(2) }),
      buildRun({ pipelineLabel: 'B', createdAt: at(3) }),
    ]).map((p) => p.name);
    expect(names).toEqual([
      'A (2026-01-01 12:01 UTC)',
      'A (2026-01-01 12:02 UTC)',
      'B',
    ]);
  });

  it('keeps names unique when two runs share label and minute', () => {
    const names = toPaneInfos([
      buildRun({ pipelineLabel: 'A', createdAt: at(1) }),
      buildRun({ pipelineLabel: 'A', createdAt: at(1) + 5 }),
    ]).map((p) => p.name);
    expect(new Set(names).size).toBe(2);
  });
});

describe('resolveBaselineId', () => {
  const panes = [{ runId: 'x' }, { runId: 'y' }];
  it('uses the chosen baseline when shown, else the first pane', () => {
    expect(resolveBaselineId(panes, 'y')).toBe('y');
    expect(resolveBaselineId(panes, 'gone')).toBe('x');
    expect(resolveBaselineId(panes, null)).toBe('x');
    expect(resolveBaselineId([], null)).toBeNull();
  });
});
