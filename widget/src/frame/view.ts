/**
 * The chat panel's elements and their texts: header (title, language, always-visible quick exit,
 * minimise), the notice (emergency numbers always shown, the rest can be folded once read), the
 * conversation log, and the composer with 「この端末から履歴を消す」. No behaviour beyond showing.
 */
import { MAX_TEXT_LENGTH } from '../contract.js';
import { h, ICON_MINIMISE, svg } from '../dom.js';
import { catalogues, LANGS, type Catalogue } from '../i18n.js';
import { withPhoneLinks } from './thread.js';

export class View {
  readonly panel: HTMLDivElement;
  readonly title = h('h1', { class: 'title', id: 'tw-title' });
  readonly subtitle = h('p', { class: 'subtitle' });
  readonly langText = h('span');
  readonly langSelect = h('select', { 'data-testid': 'widget-lang' });
  readonly exitBtn = h('button', { type: 'button', class: 'exit', 'data-testid': 'widget-exit' });
  readonly closeBtn = h('button', { type: 'button', class: 'close', 'data-testid': 'widget-close' }, [svg(ICON_MINIMISE)]);
  readonly emergency = h('p', { class: 'emergency', id: 'tw-emergency' });
  readonly noticeStaff = h('p');
  readonly noticeDevice = h('p', { 'data-testid': 'widget-notice-device' });
  readonly noticeNoStorage = h('p', { hidden: true, 'data-testid': 'widget-notice-no-storage' });
  readonly noticeMore = h('div', { class: 'more', id: 'tw-notice-more' }, [this.noticeStaff, this.noticeDevice, this.noticeNoStorage]);
  readonly noticeToggle = h('button', {
    type: 'button',
    class: 'small toggle',
    'aria-controls': 'tw-notice-more',
    'data-testid': 'widget-notice-toggle',
  });
  readonly welcome = h('p', { class: 'welcome' });
  /** One line from the widget itself (erased, expired); a status, so it is announced. */
  readonly note = h('p', { class: 'note', role: 'status', hidden: true, 'data-testid': 'widget-note' });
  readonly log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0', 'data-testid': 'widget-messages' }, [
    this.welcome,
    this.note,
  ]);
  readonly typing = h('p', { class: 'typing', hidden: true, 'data-testid': 'widget-typing' });
  readonly status = h('p', { class: 'status', role: 'status', hidden: true, 'data-testid': 'widget-status' });
  readonly inputLabel = h('label', { for: 'tw-input' });
  readonly input = h('textarea', { id: 'tw-input', rows: '2', autocomplete: 'off', 'aria-describedby': 'tw-counter tw-error', 'data-testid': 'widget-input' });
  readonly sendBtn = h('button', { type: 'submit', class: 'send', 'data-testid': 'widget-send' });
  readonly counter = h('span', { class: 'counter', id: 'tw-counter', 'data-testid': 'widget-counter' });
  readonly eraseBtn = h('button', { type: 'button', class: 'small erase', 'data-testid': 'widget-erase' });
  readonly error = h('p', { class: 'error', id: 'tw-error', role: 'alert', hidden: true, 'data-testid': 'widget-error' });
  readonly form: HTMLFormElement;
  readonly confirmText = h('p', { id: 'tw-confirm-text' });
  readonly confirmYes = h('button', { type: 'button', class: 'danger', 'data-testid': 'widget-erase-confirm' });
  readonly confirmNo = h('button', { type: 'button', class: 'plain', 'data-testid': 'widget-erase-cancel' });
  readonly confirm = h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'tw-confirm-text', hidden: true, 'data-testid': 'widget-erase-dialog' }, [
    this.confirmText,
    h('div', { class: 'confirm-buttons' }, [this.confirmYes, this.confirmNo]),
  ]);

  constructor() {
    for (const l of LANGS) this.langSelect.append(h('option', { value: l, lang: catalogues[l].htmlLang }, [catalogues[l].langName]));
    const header = h('div', { class: 'header' }, [
      h('div', { class: 'header-top' }, [this.title, this.exitBtn, this.closeBtn]),
      h('div', { class: 'header-sub' }, [this.subtitle, h('label', { class: 'lang' }, [this.langText, this.langSelect])]),
    ]);
    const notice = h('div', { class: 'notice', 'data-testid': 'widget-notice' }, [this.emergency, this.noticeMore, this.noticeToggle]);
    this.form = h('form', { class: 'composer', novalidate: true }, [
      this.inputLabel,
      h('div', { class: 'row' }, [this.input, this.sendBtn]),
      h('div', { class: 'under' }, [this.counter, this.eraseBtn]),
      this.error,
      this.confirm,
    ]);
    this.panel = h(
      'div',
      { class: 'panel', role: 'dialog', tabindex: '-1', 'aria-labelledby': 'tw-title', 'aria-describedby': 'tw-emergency', 'data-testid': 'widget-panel' },
      [header, notice, this.log, h('div', { role: 'status', 'aria-live': 'polite' }, [this.typing]), this.status, this.form],
    );
  }

  applyStrings(t: Catalogue, lang: string, idleMinutes: number, touch: boolean, persists: boolean): void {
    document.documentElement.lang = t.htmlLang;
    this.title.textContent = t.title;
    this.subtitle.textContent = t.subtitle;
    this.langText.textContent = t.langLabel;
    this.langSelect.value = lang;
    this.exitBtn.textContent = t.quickExit;
    this.exitBtn.setAttribute('aria-label', t.quickExitLabel);
    this.exitBtn.title = t.quickExitLabel;
    this.closeBtn.setAttribute('aria-label', t.close);
    this.closeBtn.title = t.close;
    this.emergency.replaceChildren(...withPhoneLinks(t.noticeEmergency, t));
    this.noticeStaff.textContent = t.noticeStaff;
    this.noticeDevice.textContent = t.noticeDevice(idleMinutes);
    this.noticeNoStorage.textContent = t.noticeNoStorage;
    this.noticeNoStorage.hidden = persists;
    this.noticeToggle.textContent = this.noticeMore.hidden ? t.noticeShow : t.noticeHide;
    this.welcome.textContent = t.welcome;
    this.log.setAttribute('aria-label', t.logLabel);
    this.inputLabel.textContent = t.inputLabel;
    this.input.placeholder = touch ? t.placeholderTouch : t.placeholder;
    // Touch keyboards: the Enter key writes a new line, so label it that way.
    this.input.setAttribute('enterkeyhint', touch ? 'enter' : 'send');
    this.sendBtn.textContent = t.send;
    this.eraseBtn.textContent = t.erase;
    this.confirmText.textContent = t.eraseQuestion;
    this.confirmYes.textContent = t.eraseConfirm;
    this.confirmNo.textContent = t.eraseCancel;
    if (!this.typing.hidden) this.typing.textContent = t.typing;
    this.updateCounter(t);
  }

  setNoticeFolded(folded: boolean, t: Catalogue): void {
    this.noticeMore.hidden = folded;
    this.noticeToggle.setAttribute('aria-expanded', String(!folded));
    this.noticeToggle.textContent = folded ? t.noticeShow : t.noticeHide;
  }

  updateCounter(t: Catalogue): void {
    const n = this.input.value.trim().length;
    const over = n > MAX_TEXT_LENGTH;
    this.counter.textContent = over ? `${t.counter(n, MAX_TEXT_LENGTH)} — ${t.tooLong(MAX_TEXT_LENGTH)}` : t.counter(n, MAX_TEXT_LENGTH);
    this.counter.classList.toggle('over', over);
    this.input.setAttribute('aria-invalid', over ? 'true' : 'false');
    this.sendBtn.disabled = over;
  }

  autoGrow(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 4, 140)}px`;
  }

  setText(el: HTMLElement, text: string): void {
    el.textContent = text;
    el.hidden = !text;
  }

  setTyping(active: boolean, t: Catalogue): void {
    if (this.typing.hidden !== active) return;
    this.typing.hidden = !active;
    this.typing.textContent = active ? t.typing : '';
  }

  /** Everything focusable in the panel, in order (for keeping Tab inside when it covers the page). */
  focusables(): HTMLElement[] {
    return Array.from(this.panel.querySelectorAll<HTMLElement>('button, select, textarea, a[href], [tabindex="0"]')).filter(
      (el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null,
    );
  }
}
