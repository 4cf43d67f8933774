/** Phone numbers in widget messages become tel: links; amounts, dates and times do not. */
import { findPhoneNumbers } from '../../../widget/src/frame/phone';

const links = (text: string) => findPhoneNumbers(text).map((m) => [text.slice(m.start, m.end), m.href]);

describe('findPhoneNumbers', () => {
  test('emergency and short numbers', () => {
    expect(links('今、命の危険があるときは 119（救急）か 110（警察）に電話してください。')).toEqual([
      ['119', 'tel:119'],
      ['110', 'tel:110'],
    ]);
    expect(links('119・110 / 189 / 110番')).toEqual([
      ['119', 'tel:119'],
      ['110', 'tel:110'],
      ['189', 'tel:189'],
      ['110', 'tel:110'],
    ]);
    expect(links('・DV相談ナビ #8008（最寄りの窓口）\n・救急安心センター #7119')).toEqual([
      ['#8008', 'tel:%238008'],
      ['#7119', 'tel:%237119'],
    ]);
  });

  test('Japanese numbers as the hotline list writes them', () => {
    expect(links('・いのちの電話 0570-783-556（毎日10時〜22時）\n・よりそいホットライン 0120-279-338（24時間）')).toEqual([
      ['0570-783-556', 'tel:0570783556'],
      ['0120-279-338', 'tel:0120279338'],
    ]);
    expect(links('24時間子供SOSダイヤル 0120-0-78310')).toEqual([['0120-0-78310', 'tel:0120078310']]);
    expect(links('窓口 03-1234-5678 か 09012345678、海外から +81-3-1234-5678')).toEqual([
      ['03-1234-5678', 'tel:0312345678'],
      ['09012345678', 'tel:09012345678'],
      ['+81-3-1234-5678', 'tel:+81312345678'],
    ]);
  });

  test('full-width digits and dashes', () => {
    expect(links('１１０ または ０１２０－２７９－３３８、＃８００８')).toEqual([
      ['１１０', 'tel:110'],
      ['０１２０－２７９－３３８', 'tel:0120279338'],
      ['＃８００８', 'tel:%238008'],
    ]);
  });

  test('amounts, dates, times, counts and longer numbers are not links', () => {
    expect(links('1100円、110円、2026-03-29、10:00–22:00、5,000文字、119人、1110、A110、110.5、24時間、0120')).toEqual([]);
    expect(links('〒060-0001、ID 011012345678901')).toEqual([]);
  });
});
