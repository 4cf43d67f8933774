/**
 * The 開示請求 export as a PDF in Japanese (pdfkit and the Noto Sans CJK font the つなぐシート
 * uses, REFERRAL_PDF_FONT): the same document as the JSON, laid out for the person to read —
 * each conversation's messages in order with who wrote them, consents, notes, and each case with
 * household, history and referrals. Nothing is in the PDF that is not in the JSON.
 */
import { japaneseDocument } from '../pdf/japanese-document';
import { CHANNEL_LABELS, CONSENT_LABELS, CONSENT_SCOPE_LABELS, RELATIONSHIP_LABELS, STAGE_LABELS, REFERRAL_STATE_LABELS } from '../contracts';
import type { PersonExport } from './export-person';

const AUTHOR = { person: '相談者', bot: '自動応答', staff: '職員' } as const;

const when = (d: Date | string | null | undefined) =>
  d ? new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d)) : '—';

export function renderPersonPdf(data: PersonExport, fontPath: string): Promise<Buffer> {
  const { doc, done } = japaneseDocument(fontPath, { Title: '保有個人情報の開示' });
  const heading = (text: string, size = 12) => doc.moveDown(0.6).fontSize(size).fillColor('#1a4d8f').text(text).fillColor('black').fontSize(10);

  doc.fontSize(18).text('保有個人情報の開示（開示請求）', { align: 'center' });
  doc.moveDown(0.3).fontSize(10).text(`作成 ${when(data.exportedAt)}　作成者 ${data.exportedBy.name}`, { align: 'center' });

  heading('連絡手段');
  for (const c of data.contacts) doc.text(`・${CHANNEL_LABELS[c.channel].ja}（ID ${c.externalId}）　登録 ${when(c.createdAt)}`);

  data.conversations.forEach((c, i) => {
    heading(`相談 ${i + 1}（${CHANNEL_LABELS[c.channel].ja}、${when(c.createdAt)} 開始）`);
    for (const m of c.messages) doc.text(`${when(m.createdAt)}　${AUTHOR[m.authorType]}：${m.text}`);
    if (c.consents.length) {
      doc.moveDown(0.3).text('同意の記録');
      for (const k of c.consents) doc.text(`・${when(k.at)} ${CONSENT_SCOPE_LABELS[k.scope].ja}：${CONSENT_LABELS[k.answer].ja}`);
    }
    if (c.notes.length) {
      doc.moveDown(0.3).text('職員のメモ');
      for (const n of c.notes) doc.text(`・${when(n.createdAt)} ${n.text}`);
    }
  });

  for (const k of data.cases) {
    heading(`ケース ${k.number}（${STAGE_LABELS[k.stage].ja}）`);
    if (k.personName || k.personDescription) doc.text(`本人：${k.personName ?? k.personDescription}`);
    for (const m of k.household) doc.text(`・世帯：${RELATIONSHIP_LABELS[m.relationship].ja} ${m.name ?? m.description ?? ''}`);
    for (const t of k.transitions) doc.text(`・${when(t.at)} ${t.fromStage ? `${STAGE_LABELS[t.fromStage].ja} → ` : ''}${STAGE_LABELS[t.toStage].ja}${t.reason ? `（${t.reason}）` : ''}`);
    for (const r of k.referrals) doc.text(`・つなぎ ${when(r.sentAt)}：${REFERRAL_STATE_LABELS[r.state].ja}　${r.summary}`);
  }

  doc.moveDown(1).fontSize(8).fillColor('#555').text('この書面には要配慮個人情報が含まれます。第三者に関する記載がないか確認してから交付してください。');
  doc.end();
  return done;
}
