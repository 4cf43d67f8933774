/**
 * An A4 pdfkit document written in Japanese (the JP face of Debian's Noto Sans CJK collection,
 * REFERRAL_PDF_FONT), and the promise of its bytes once `doc.end()` is called. Shared by the
 * つなぐシート and the 開示請求 export.
 */
import PDFDocument from 'pdfkit';

/** The Japanese face inside the Noto Sans CJK collection. */
const JP_FACE = 'NotoSansCJKjp-Regular';

export function japaneseDocument(fontPath: string, info: { Title: string; Author?: string }): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('jp', fontPath, fontPath.endsWith('.ttc') ? JP_FACE : undefined);
  doc.font('jp');
  return { doc, done };
}
