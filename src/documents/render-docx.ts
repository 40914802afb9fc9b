/**
 * A neutral document as a Word file (docx): real headings (Heading 1-3 styles, so Word's
 * navigation pane and screen readers see them), tables with a repeating header row, RAG words
 * beside a coloured dot, and charts as PNG pictures with alt text. Deterministic bytes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  Table as DocxTable,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CHART_PX, chartPng } from './chart-png.js';
import type { Block, Cell, Document, Table } from './document.js';
import { fixedZip } from './fixed-zip.js';
import { BORDER, DOT, HEADER_FILL, HEADER_TEXT, TONE_HEX } from './tones.js';

const FONT = 'Arial';
const LEVELS = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const border = { style: BorderStyle.SINGLE, size: 4, color: BORDER };
const borders = { top: border, bottom: border, left: border, right: border };

function cellRuns(c: Cell, header: boolean): (TextRun | ImageRun)[] {
  if (c.chart) {
    return [
      new ImageRun({
        type: 'png',
        data: chartPng(c.chart),
        transformation: { width: CHART_PX.width / 3, height: CHART_PX.height / 3 },
        altText: { name: 'Trend chart', title: 'Trend chart', description: c.chart.altText },
      }),
    ];
  }
  const runs: TextRun[] = [];
  if (c.tone) runs.push(new TextRun({ text: `${DOT} `, color: TONE_HEX[c.tone], font: FONT, size: 18 }));
  // A line break in the text is a line break in the cell, as it is in the PDF and the workbook.
  c.text.split('\n').forEach((line, i) => {
    runs.push(
      new TextRun({
        text: line,
        bold: header || c.bold,
        color: header ? HEADER_TEXT : undefined,
        font: FONT,
        size: 18,
        ...(i > 0 ? { break: 1 } : {}),
      }),
    );
  });
  return runs;
}

function table(t: Table): DocxTable {
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const widths = t.columns.map((c) => Math.round((c.width / total) * 100));
  const row = (cells: Cell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
            borders,
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
            children: [new Paragraph({ children: cellRuns(c, header) })],
          }),
      ),
    });
  return new DocxTable({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(
        t.columns.map((c) => ({ text: c.label })),
        true,
      ),
      ...t.rows.map((r) => row(r, false)),
    ],
  });
}

function block(b: Block): (Paragraph | DocxTable)[] {
  if (b.kind === 'heading') return [new Paragraph({ heading: LEVELS[b.level], text: b.text })];
  if (b.kind === 'table')
    return [
      new Paragraph({
        children: [new TextRun({ text: b.table.caption, italics: true, font: FONT, size: 16 })],
      }),
      table(b.table),
      new Paragraph({}),
    ];
  return [
    new Paragraph({
      spacing: { after: 120 },
      children: [
        new TextRun({
          text: b.text,
          bold: b.emphasis === 'strong',
          italics: b.emphasis === 'note',
          font: FONT,
          size: 20,
        }),
      ],
    }),
  ];
}

/** The document as .docx bytes. */
export async function renderDocx(doc: Document): Promise<Buffer> {
  const children: (Paragraph | DocxTable)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: doc.title }),
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: doc.subtitle, font: FONT, size: 20 })],
    }),
  ];
  doc.sections.forEach((section, i) => {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: i > 0,
        text: section.heading,
      }),
      ...section.blocks.flatMap(block),
    );
  });
  const word = new DocxDocument({
    creator: doc.metadata.author,
    lastModifiedBy: doc.metadata.author,
    title: doc.title,
    subject: doc.metadata.subject,
    keywords: doc.metadata.keywords,
    description: doc.subtitle,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 900, bottom: 900, left: 900, right: 900 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${doc.footer} · page `, font: FONT, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 16 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return fixedZip(await Packer.toBuffer(word), doc.metadata.created);
}
