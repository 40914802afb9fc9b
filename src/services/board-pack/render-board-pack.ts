/**
 * Every file of a board pack from its snapshot: Word, PDF, a workbook and two CSVs. Pure, so a
 * frozen pack comes out the same. The Word, PDF and Excel libraries are loaded on the first pack,
 * not at start, so a bot that never produces one does not carry them in memory.
 */
import { renderCsv } from '../../documents/render-csv.js';
import { actionLogTable } from './pack-action-log.js';
import { packDocument, ragSheetTable } from './pack-document.js';
import { auditTable, boardRequestTable, coverageTable } from './pack-evidence-document.js';
import type { BoardPackSnapshot } from './types.js';

export interface PackFile {
  filename: string;
  title: string;
  bytes: Buffer;
}

export async function renderBoardPack(pack: BoardPackSnapshot): Promise<PackFile[]> {
  const doc = packDocument(pack);
  const day = pack.boardDate;
  const rag = ragSheetTable(pack);
  const log = actionLogTable(pack);
  const [{ renderDocx }, { renderPdf }, { renderXlsx }] = await Promise.all([
    import('../../documents/render-docx.js'),
    import('../../documents/render-pdf.js'),
    import('../../documents/render-xlsx.js'),
  ]);
  const [docx, pdf, xlsx] = await Promise.all([
    renderDocx(doc),
    renderPdf(doc),
    renderXlsx([rag, log, ...evidenceTables(pack)], {
      author: doc.metadata.author,
      title: doc.title,
      created: doc.metadata.created,
    }),
  ]);
  return [
    { filename: `board-pack-${day}.pdf`, title: `Board pack ${day} (PDF)`, bytes: pdf },
    { filename: `board-pack-${day}.docx`, title: `Board pack ${day} (Word)`, bytes: docx },
    {
      filename: `board-pack-${day}.xlsx`,
      title: pack.audit
        ? `RAG summary sheet, action log, board requests, coverage and audit trail ${day} (Excel)`
        : `RAG summary sheet and action log ${day} (Excel)`,
      bytes: xlsx,
    },
    { filename: `rag-summary-${day}.csv`, title: `RAG summary sheet ${day} (CSV)`, bytes: renderCsv(rag) },
    { filename: `action-log-${day}.csv`, title: `Action log ${day} (CSV)`, bytes: renderCsv(log) },
  ];
}

/** The workbook's evidence sheets; none for a pack stored before they existed. */
function evidenceTables(pack: BoardPackSnapshot) {
  return [
    ...(pack.boardRequests ? [boardRequestTable(pack.boardRequests, pack.asOf)] : []),
    ...(pack.coverage ? [coverageTable(pack.coverage.rows, pack.asOf)] : []),
    ...(pack.audit ? [auditTable(pack.audit.rows)] : []),
  ];
}
