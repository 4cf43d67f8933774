/**
 * The つなぐシート as a PDF in Japanese (pdfkit, with the Noto Sans CJK font of Debian's
 * fonts-noto-cjk; REFERRAL_PDF_FONT). It prints exactly the sheet built for the viewer
 * (./referral-sheet.ts), so the PDF never shows more than the JSON.
 */
import { japaneseDocument } from '../pdf/japanese-document';
import { AGE_BAND_LABELS, CATEGORY_LABELS, CONSENT_LABELS, HOUSEHOLD_PATTERN_LABELS, REFERRAL_STATE_LABELS, RELATIONSHIP_LABELS, STAGE_LABELS, URGENCY_LABELS, type ReferralSheetView } from '../contracts';

const jstDateTime = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

export function renderReferralPdf(sheet: ReferralSheetView, fontPath: string): Promise<Buffer> {
  const { doc, done } = japaneseDocument(fontPath, { Title: `つなぐシート ${sheet.caseNumber}`, Author: sheet.fromAgency.name });

  const heading = (text: string) => doc.moveDown(0.6).fontSize(12).fillColor('#1a4d8f').text(text).fillColor('black').fontSize(10);
  const line = (label: string, value: string) => doc.text(`${label}：${value}`);
  const none = '記載なし';

  doc.fontSize(18).text('つなぐシート（相談支援の引継ぎ）', { align: 'center' });
  doc.moveDown(0.3).fontSize(10).text(`相談番号 ${sheet.caseNumber}　／　状態 ${REFERRAL_STATE_LABELS[sheet.state].ja}`, { align: 'center' });

  heading('送付元・送付先');
  line('送付元', `${sheet.fromAgency.name}${sheet.fromAgency.phone ? `（電話 ${sheet.fromAgency.phone}）` : ''}`);
  line('担当者', sheet.contactPerson ?? none);
  line('送付先', sheet.toAgency.name);
  line('送付日時', jstDateTime(sheet.sentAt));
  line('緊急度', sheet.urgency ? URGENCY_LABELS[sheet.urgency].ja : none);

  heading('本人');
  line('氏名', sheet.person.name ?? `不明（${sheet.person.description ?? none}）`);
  if (sheet.person.name && sheet.person.description) line('特徴など', sheet.person.description);
  line('年代', sheet.person.ageBand ? AGE_BAND_LABELS[sheet.person.ageBand].ja : none);
  line('地区', sheet.person.addressArea ?? none);

  heading('世帯');
  if (sheet.household.members.length === 0) doc.text(none);
  for (const m of sheet.household.members) {
    const who = m.name ?? m.description ?? '';
    const needs = m.needs.map((n) => CATEGORY_LABELS[n].ja).join('・');
    doc.text(`・${RELATIONSHIP_LABELS[m.relationship].ja}${who ? ` ${who}` : ''}（${m.ageBand ? AGE_BAND_LABELS[m.ageBand].ja : '年代不明'}）${needs ? `　課題：${needs}` : ''}`);
  }
  if (sheet.household.patterns.length) line('世帯の状況', sheet.household.patterns.map((p) => HOUSEHOLD_PATTERN_LABELS[p].ja).join('・'));

  heading('課題（地域生活課題）');
  doc.text(sheet.needs.length ? sheet.needs.map((n) => CATEGORY_LABELS[n].ja).join('・') : none);

  heading('本人の言葉（相談からの引用）');
  if (sheet.quotes.length === 0) doc.text(sheet.quotesWithheld ? '本人の同意がないため、相談内容の引用は共有していません。' : '引用なし');
  for (const q of sheet.quotes) doc.text(`「${q.text}」（${jstDateTime(q.at)}）`);

  heading('概要・依頼内容');
  doc.text(sheet.summary);

  heading('これまでの対応');
  for (const h of sheet.done) {
    const move = h.from ? `${STAGE_LABELS[h.from].ja} → ${STAGE_LABELS[h.to].ja}` : `${STAGE_LABELS[h.to].ja}（ケース開始）`;
    doc.text(`・${jstDateTime(h.at)} ${move}${h.byName ? `（${h.byName}）` : ''}${h.reason ? `　理由：${h.reason}` : ''}`);
  }

  heading('同意の状況');
  const consent = (a: ReferralSheetView['consent']['share']) => (a ? CONSENT_LABELS[a].ja : '未確認');
  line('情報共有への同意（送付時）', sheet.consent.subjectNotWriting ? '本人からの相談なし（第三者からの相談）' : consent(sheet.consent.share));
  line('情報共有への同意（現在）', consent(sheet.consent.now));
  if (sheet.meetingId) doc.text('支援会議（社会福祉法第106条の6）の構成員として共有しています。守秘義務があります。');

  doc.moveDown(1).fontSize(8).fillColor('#555').text('この用紙には要配慮個人情報が含まれます。必要な範囲で取り扱い、目的外に使用しないでください。');
  doc.end();
  return done;
}
