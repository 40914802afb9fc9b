/**
 * A neutral document as a PDF (pdfkit), landscape A4 for a board paper: the fonts shipped in
 * assets/fonts (DejaVu Sans, nothing fetched at run time), headings in a size order, tables whose
 * header row repeats on each page, RAG words beside a drawn dot, charts as pictures tagged with
 * their alt text. Metadata dates come from the document, so the bytes are the same every time.
 */
import PDFDocument from 'pdfkit';
import { projectPath } from '../project-files.js';
import { CHART_PX, chartPng } from './chart-png.js';
import type { Block, Cell, Document, Table } from './document.js';
import { BORDER, HEADER_FILL, HEADER_TEXT, TONE_HEX } from './tones.js';

const FONT_DIR = projectPath('assets/fonts/');
const REGULAR = `${FONT_DIR}DejaVuSans.ttf`;
const BOLD = `${FONT_DIR}DejaVuSans-Bold.ttf`;
const MARGIN = 40;
const PAD = 2.5;
const TABLE_SIZE = 7.5;
const CHART = { width: CHART_PX.width / 3, height: CHART_PX.height / 3 };

type Pdf = PDFKit.PDFDocument;

function cellHeight(pdf: Pdf, c: Cell, width: number): number {
  if (c.chart) return CHART.height;
  pdf.font(c.bold ? BOLD : REGULAR).fontSize(TABLE_SIZE);
  return pdf.heightOfString(c.text, { width: width - (c.tone ? 10 : 0) });
}

function drawCell(pdf: Pdf, c: Cell, x: number, y: number, width: number, header: boolean): void {
  if (c.chart) {
    const chart = c.chart;
    pdf.addStructure(
      pdf.struct('Figure', { alt: chart.altText }, () => {
        pdf.image(chartPng(chart), x, y, CHART);
      }),
    );
    return;
  }
  let left = x;
  if (c.tone) {
    pdf.circle(x + 3.5, y + 5, 3.5).fill(`#${TONE_HEX[c.tone]}`);
    left += 10;
  }
  pdf
    .font(c.bold || header ? BOLD : REGULAR)
    .fontSize(TABLE_SIZE)
    .fillColor(header ? `#${HEADER_TEXT}` : '#000000')
    .text(c.text, left, y, { width: width - (left - x) });
}

function rowHeight(pdf: Pdf, cells: Cell[], widths: number[]): number {
  return Math.max(...cells.map((c, i) => cellHeight(pdf, c, (widths[i] ?? 0) - 2 * PAD))) + 2 * PAD;
}

function drawRow(
  pdf: Pdf,
  cells: Cell[],
  widths: number[],
  y: number,
  header: boolean,
  height: number,
): number {
  const width = widths.reduce((a, b) => a + b, 0);
  if (header) pdf.rect(MARGIN, y, width, height).fill(`#${HEADER_FILL}`);
  let x = MARGIN;
  cells.forEach((c, i) => {
    const w = widths[i] ?? 0;
    drawCell(pdf, c, x + PAD, y + PAD, w - 2 * PAD, header);
    pdf.rect(x, y, w, height).lineWidth(0.5).strokeColor(`#${BORDER}`).stroke();
    x += w;
  });
  return height;
}

function drawTable(pdf: Pdf, t: Table): void {
  const usable = pdf.page.width - 2 * MARGIN;
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * usable);
  const header = t.columns.map((c) => ({ text: c.label }));
  const bottom = () => pdf.page.height - MARGIN - 8;
  const headerHeight = rowHeight(pdf, header, widths);
  let y = pdf.y;
  if (y + headerHeight * 2 > bottom()) y = newPage(pdf);
  y += drawRow(pdf, header, widths, y, true, headerHeight);
  for (const row of t.rows) {
    const height = rowHeight(pdf, row, widths);
    if (y + height > bottom()) {
      y = newPage(pdf);
      y += drawRow(pdf, header, widths, y, true, headerHeight);
    }
    y += drawRow(pdf, row, widths, y, false, height);
  }
  pdf.x = MARGIN;
  pdf.y = y + 10;
}

function newPage(pdf: Pdf): number {
  pdf.addPage();
  return pdf.y;
}

function drawBlock(pdf: Pdf, b: Block): void {
  const width = pdf.page.width - 2 * MARGIN;
  if (b.kind === 'table') {
    drawTable(pdf, b.table);
    return;
  }
  if (pdf.y > pdf.page.height - MARGIN - 80) newPage(pdf);
  if (b.kind === 'heading') {
    pdf
      .moveDown(0.4)
      .font(BOLD)
      .fontSize(b.level === 2 ? 12 : 10.5)
      .fillColor('#1F3A5F');
    pdf.text(b.text, MARGIN, pdf.y, { width }).moveDown(0.3);
    return;
  }
  pdf
    .font(b.emphasis === 'strong' ? BOLD : REGULAR)
    .fontSize(9.5)
    .fillColor('#000000');
  pdf.text(b.text, MARGIN, pdf.y, { width }).moveDown(0.5);
}

function footers(pdf: Pdf, doc: Document): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font(REGULAR)
      .fontSize(7.5)
      .fillColor('#555555')
      .text(`${doc.footer} · page ${i + 1} of ${range.count}`, MARGIN, pdf.page.height - 26, {
        width: pdf.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
}

/** The document as PDF bytes. */
export async function renderPdf(doc: Document): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: doc.title,
      Author: doc.metadata.author,
      Subject: doc.metadata.subject,
      Keywords: doc.metadata.keywords,
      Creator: 'improvement-bot',
      Producer: 'improvement-bot',
      CreationDate: doc.metadata.created,
      ModDate: doc.metadata.created,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.font(BOLD).fontSize(18).fillColor('#1F3A5F').text(doc.title);
  pdf.font(REGULAR).fontSize(9.5).fillColor('#000000').text(doc.subtitle).moveDown(0.8);
  doc.sections.forEach((section, i) => {
    if (i > 0) newPage(pdf);
    pdf.font(BOLD).fontSize(15).fillColor('#1F3A5F').text(section.heading, MARGIN, pdf.y).moveDown(0.4);
    for (const b of section.blocks) drawBlock(pdf, b);
  });
  footers(pdf, doc);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
