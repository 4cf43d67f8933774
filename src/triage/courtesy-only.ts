/**
 * A message of courtesies only — 「夜分にすみません」, 「はじめまして、よろしくお願いします」, "oi boa
 * noite" — says nothing yet about anyone's need. The learned model has little to weigh in it and
 * falls back on what such words sat next to in training: engine 2d956fc883bf gave
 * 「夜分にすみません」 a risk of 0.43, a crisis (night-time crisis messages often open that way).
 * Such a message is left to the rules' reading (a greeting: `low`); what the person writes next is
 * triaged as usual, and the conversation keeps its highest band.
 */
const COURTESY = [
  'こんにちは', 'こんばんは', 'おはようございます', 'はじめまして', '初めまして',
  '夜分遅くに', '夜分遅く', '夜分に', '夜分', '夜遅くに', '遅くに', '朝早くに', '突然',
  'すみません', 'すいません', '申し訳ありません', '申し訳ございません', '失礼します', '失礼いたします',
  'お世話になります', 'お世話になっております', 'よろしくお願いします', 'よろしくお願いいたします', 'お願いします',
  'ありがとうございます', 'ありがとう', 'お疲れ様です', 'お疲れさまです',
  'hello', 'hi', 'good morning', 'good evening', 'good afternoon', 'sorry to bother you', 'sorry', 'thank you', 'thanks',
  'xin chào', 'chào', 'olá', 'ola', 'oi', 'boa noite', 'boa tarde', 'bom dia', 'hola', 'buenas noches', 'buenas tardes', 'buenos días',
  'kumusta', 'magandang gabi', 'magandang umaga', '안녕하세요', '你好', '您好', 'नमस्ते', 'namaste', 'selamat malam', 'selamat pagi',
].sort((a, b) => b.length - a.length);
const SEPARATORS = /^[\s、。,.!！?？~〜ー…・♪☆★]+|^\p{Extended_Pictographic}+/u;

export function courtesyOnly(text: string): boolean {
  let t = text.normalize('NFKC').toLowerCase().trim();
  if (!t) return false;
  for (let guard = 0; t && guard < 20; guard++) {
    const sep = SEPARATORS.exec(t);
    if (sep) {
      t = t.slice(sep[0].length);
      continue;
    }
    const word = COURTESY.find((c) => t.startsWith(c));
    if (!word) return false;
    t = t.slice(word.length);
  }
  return t.length === 0;
}
