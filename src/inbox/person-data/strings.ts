/** Strings of the admin's 開示請求・削除 panel (the person who wrote a conversation). */
import { definePage } from '../i18n/pages.js';

export const personDataPage = definePage({
  ja: {
    title: 'ご本人の情報（開示請求・削除）',
    intro: 'この相談を書いた方について、この窓口が持つすべての情報（相談とメッセージ、同意、メモ、ケースなど）を出力するか、ご本人の求めにより削除します。どちらも監査ログに記録されます。',
    thirdParty: 'お渡しする前に、第三者の情報（メッセージ中の別の人の名前、匿名の通報者など）が含まれていないか確認してください。',
    exportJson: '開示用データを保存（JSON）',
    exportPdf: '開示用の書面を保存（PDF）',
    erase: 'この方の情報を削除する…',
    confirmTitle: '本当に削除しますか？',
    confirmText:
      'この方が書いたこの窓口の相談すべてと、それを含むこの窓口のケース（世帯、経過、つなぎ、プラン、アウトリーチ、参加支援）を削除します。元に戻せません。他の機関が担当中のケースは削除されません。',
    confirmErase: '削除を確定する',
    cancel: 'やめる',
    erasing: '削除しています…',
    erased: '削除しました。',
    erasedCounts: (conversations: number, cases: number, rows: number) => `相談 ${conversations} 件、ケース ${cases} 件（記録の行 合計 ${rows} 件）を削除しました。`,
    kept: (n: number) => `他の機関が担当中のケース ${n} 件は削除していません（この相談とのつながりだけを外しました）。その機関に削除を依頼してください。`,
    noneKept: '他の機関が担当中のケースはありませんでした。',
    failed: '削除できませんでした。',
  },
  en: {
    title: "The person's data (disclosure request, erasure)",
    intro: 'Export everything this agency holds about the person who wrote this conversation (conversations and messages, consents, notes, cases), or erase it at their request. Both are written to the audit log.',
    thirdParty: 'Before handing it over, check it for third parties (another person named in a message, an anonymous reporter).',
    exportJson: 'Save the export (JSON)',
    exportPdf: 'Save the export for the person (PDF)',
    erase: "Erase this person's data…",
    confirmTitle: 'Erase for good?',
    confirmText:
      "Every conversation this person wrote in this agency and this agency's cases holding them (household, history, referrals, plans, outreach, participation) are erased. This cannot be undone. Cases another agency works are not erased.",
    confirmErase: 'Erase now',
    cancel: 'Cancel',
    erasing: 'Erasing…',
    erased: 'Erased.',
    erasedCounts: (conversations: number, cases: number, rows: number) => `Erased ${conversations} conversation(s) and ${cases} case(s) (${rows} stored rows in all).`,
    kept: (n: number) => `${n} case(s) another agency works were not erased (only their link to this conversation was removed). Ask that agency to erase them.`,
    noneKept: 'No case of another agency held these conversations.',
    failed: 'Could not erase.',
  },
});
