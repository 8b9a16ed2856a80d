/** The closing table: figure, value, target, PASS / MISS (never an exit code). */
export interface SummaryRow {
  figure: string;
  value: string;
  target: string;
  /** null: no target, or the figure could not be measured. */
  pass: boolean | null;
}

export function printSummary(rows: SummaryRow[]): void {
  const header: [string, string, string, string] = [
    'figure',
    'value',
    'target',
    'result',
  ];
  const cells = rows.map((row): [string, string, string, string] => [
    row.figure,
    row.value,
    row.target,
    row.pass === null
      ? row.target === ''
        ? ''
        : 'n/a'
      : row.pass
        ? 'PASS'
        : 'MISS',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)),
  );
  const line = (c: string[]) =>
    c
      .map((text, i) => text.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) console.log(line(c));
}
