/**
 * Tables of a neutral document as an Excel workbook (exceljs): one sheet per table, a bold,
 * frozen header row with filters, RAG words in cells filled with the RAG colour. Deterministic
 * bytes: the workbook's and the zip's dates are the document's.
 */
import ExcelJS from 'exceljs';
import type { Table } from './document.js';
import { fixedZip } from './fixed-zip.js';
import { HEADER_FILL, HEADER_TEXT, TONE_HEX } from './tones.js';

const solid = (hex: string) => ({
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: `FF${hex}` },
});

/** Sheet names: Excel allows 31 characters and none of : \ / ? * [ ]. */
const sheetName = (caption: string): string => caption.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export async function renderXlsx(
  tables: Table[],
  metadata: { author: string; title: string; created: Date },
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = metadata.author;
  book.lastModifiedBy = metadata.author;
  book.title = metadata.title;
  book.created = metadata.created;
  book.modified = metadata.created;
  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(table.caption), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.label, width: Math.max(10, c.width * 1.4) }));
    const header = sheet.getRow(1);
    header.font = { bold: true, color: { argb: `FF${HEADER_TEXT}` } };
    header.fill = solid(HEADER_FILL);
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((c) => c.text.trim()));
      row.forEach((c, i) => {
        const target = added.getCell(i + 1);
        target.alignment = { wrapText: true, vertical: 'top' };
        if (c.tone) {
          target.fill = solid(TONE_HEX[c.tone]);
          target.font = { bold: true, color: { argb: 'FFFFFFFF' } };
        } else if (c.bold) target.font = { bold: true };
      });
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return fixedZip(Buffer.from(await book.xlsx.writeBuffer()), metadata.created);
}
