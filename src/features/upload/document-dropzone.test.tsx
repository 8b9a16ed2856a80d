import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { PDFDocument } from 'pdf-lib';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDocuments, resetDocumentsStore } from '@/store/documents-store';
import { DocumentDropzone } from './document-dropzone';

async function pdfFile(name: string, pages: number): Promise<File> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  return new File([new Uint8Array(await doc.save())], name, {
    type: 'application/pdf',
  });
}

const textFile = (name: string, content: string) =>
  new File([content], name, { type: 'text/plain' });

const input = () => screen.getByLabelText('Add documents');
const table = () => screen.getByRole('table', { name: 'Documents to run' });
const row = (name: string) =>
  within(table()).getByRole('row', { name: new RegExp(name) });

beforeEach(() => resetDocumentsStore());

describe('DocumentDropzone', () => {
  it('lists added files with name, size and PDF page count', async () => {
    const user = userEvent.setup();
    render(<DocumentDropzone />);
    expect(screen.getByText('No documents yet.')).toBeInTheDocument();
    const pdf = await pdfFile('report.pdf', 3);
    await user.upload(input(), [pdf, textFile('notes.txt', 'hello')]);
    const report = await screen.findByRole('row', { name: /report\.pdf/ });
    expect(within(report).getByRole('cell', { name: '3' })).toBeVisible();
    // A 3-page blank PDF is a few hundred bytes.
    expect(pdf.size).toBeLessThan(1000);
    expect(
      within(report).getByRole('cell', { name: `${pdf.size} B` }),
    ).toBeVisible();
    const notes = await screen.findByRole('row', { name: /notes\.txt/ });
    expect(within(notes).getByRole('cell', { name: '5 B' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says "unknown" when a PDF’s pages cannot be counted', async () => {
    const user = userEvent.setup();
    render(<DocumentDropzone />);
    const odd = new File(['%PDF-1.7 but nothing else'], 'odd.pdf', {
      type: 'application/pdf',
    });
    await user.upload(input(), odd);
    const odds = await screen.findByRole('row', { name: /odd\.pdf/ });
    expect(within(odds).getByRole('cell', { name: 'unknown' })).toBeVisible();
  });

  it('refuses wrong types, empty and over-5 GB files with one message each', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<DocumentDropzone />);
    const huge = new File(['x'], 'huge.pdf', { type: 'application/pdf' });
    Object.defineProperty(huge, 'size', { value: 6 * 1024 ** 3 });
    await user.upload(input(), [
      new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
      new File([], 'empty.pdf', { type: 'application/pdf' }),
      huge,
      textFile('ok.txt', 'fine'),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('3 files not added');
    const items = within(alert).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(alert).toHaveTextContent(/setup\.exe: not a supported type/);
    expect(alert).toHaveTextContent(/empty\.pdf: the file is empty/);
    expect(alert).toHaveTextContent(/huge\.pdf: larger than .*5 GB/);
    expect(row('ok.txt')).toBeVisible();
    expect(getDocuments()).toHaveLength(1);
  });

  it('says when a file is already in the list (same content)', async () => {
    const user = userEvent.setup();
    render(<DocumentDropzone />);
    await user.upload(input(), textFile('a.txt', 'same'));
    await screen.findByRole('row', { name: /a\.txt/ });
    await user.upload(input(), textFile('b.txt', 'same'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'b.txt: already in the list (same content as “a.txt”).',
    );
    expect(
      screen.queryByRole('row', { name: /b\.txt/ }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('removes one file, or all', async () => {
    const user = userEvent.setup();
    render(<DocumentDropzone />);
    await user.upload(input(), [
      textFile('1.txt', '1'),
      textFile('2.txt', '2'),
    ]);
    await screen.findByRole('row', { name: /2\.txt/ });
    await user.click(screen.getByRole('button', { name: 'Remove 1.txt' }));
    expect(
      screen.queryByRole('row', { name: /1\.txt/ }),
    ).not.toBeInTheDocument();
    expect(row('2.txt')).toBeVisible();
    await user.click(
      screen.getByRole('button', { name: 'Remove all documents' }),
    );
    expect(screen.getByText('No documents yet.')).toBeInTheDocument();
  });

  it('takes files dropped on the drop area', async () => {
    render(<DocumentDropzone />);
    const files = [await pdfFile('dropped.pdf', 2), textFile('x.zip', 'PK')];
    fireEvent.drop(
      screen.getByRole('group', { name: 'Drop area for documents' }),
      {
        dataTransfer: {
          files,
          items: files.map((file) => ({
            kind: 'file',
            type: file.type,
            getAsFile: () => file,
          })),
          types: ['Files'],
        },
      },
    );
    const dropped = await screen.findByRole('row', { name: /dropped\.pdf/ });
    expect(within(dropped).getByRole('cell', { name: '2' })).toBeVisible();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /x\.zip: not a supported type/,
    );
  });
});

/** Serious and critical axe-core findings (contrast needs a real browser). */
async function axeProblems(root: Element) {
  const { violations } = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);
}

describe('DocumentDropzone: accessibility', () => {
  it('has no serious axe findings with documents and refusals', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<DocumentDropzone />);
    await user.upload(input(), [
      textFile('a.txt', 'a'),
      new File(['PK'], 'b.zip', { type: 'application/zip' }),
    ]);
    await screen.findByRole('alert');
    expect(
      await axeProblems(screen.getByRole('region', { name: 'Documents' })),
    ).toEqual([]);
  });
});
