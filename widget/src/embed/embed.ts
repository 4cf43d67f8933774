/**
 * What the embed script puts on the host page: the launcher button and the chat frame (an iframe
 * on tsunagu's origin, where the whole conversation lives). The two talk by postMessage, each end
 * checking the other's origin and window; nothing secret ever crosses. The host side does only
 * what a frame cannot do for itself: show and hide the frame, give focus back to the launcher,
 * and leave the page on a quick exit.
 */
import { MESSAGE_NS, type FrameToHost, type HostToFrame, type WidgetLang } from '../contract.js';
import { h, ICON_CHAT, svg } from '../dom.js';
import { catalogues, detectLang, isLang } from '../i18n.js';
import { css } from './styles.js';

export interface EmbedOptions {
  /** URL of the chat frame page (`<api>/widget/frame.html`), without the fragment. */
  frameUrl: string;
  /** The agency whose desk the page is (`data-agency`), or null for the intake desk. */
  agency: string | null;
  /** Where a quick exit goes (`data-exit-url`). */
  exitUrl: string;
}

/** Same as the frame's panel breakpoint: at or below it the frame covers the whole page. */
const MODAL_QUERY = '(max-width: 480px)';

export class Embed {
  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly launcherText: HTMLSpanElement;
  private readonly badge: HTMLSpanElement;
  private readonly frame: HTMLIFrameElement;
  private readonly frameOrigin: string;
  private ready = false;
  private isOpen = false;
  private lang: WidgetLang;
  private unread = 0;

  constructor(
    host: HTMLElement,
    private readonly opts: EmbedOptions,
  ) {
    const navLangs = navigator.languages;
    this.lang = detectLang((navLangs && navLangs[0]) || navigator.language);
    const frameUrl = new URL(opts.frameUrl, location.href);
    this.frameOrigin = frameUrl.origin;
    const params = new URLSearchParams({ host: location.origin });
    if (opts.agency) params.set('agency', opts.agency);
    frameUrl.hash = params.toString();

    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);

    const frameId = `tsunagu-frame-${Math.random().toString(36).slice(2, 8)}`;
    this.launcherText = h('span');
    this.badge = h('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' });
    this.launcher = h(
      'button',
      { type: 'button', class: 'launcher', 'data-testid': 'widget-open', 'aria-expanded': 'false', 'aria-controls': frameId },
      [svg(ICON_CHAT), this.launcherText, this.badge],
    );
    this.frame = h('iframe', {
      id: frameId,
      class: 'frame',
      src: frameUrl.href,
      hidden: true,
      referrerpolicy: 'no-referrer',
      'data-testid': 'widget-frame',
    });
    this.root = h('div', { class: 'root' }, [this.frame, this.launcher]);
    shadow.append(this.root);
    this.applyStrings();

    this.launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    window.addEventListener('message', (e) => this.onMessage(e));
  }

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.frame.hidden = false;
    this.root.classList.add('open');
    this.launcher.setAttribute('aria-expanded', 'true');
    // Focus moves into the frame; the frame then puts it on the text box.
    this.frame.focus();
    if (this.ready) this.post({ ns: MESSAGE_NS, type: 'open', modal: matchMedia(MODAL_QUERY).matches });
  }

  close(): void {
    if (!this.isOpen) return;
    const focusWasInside = (this.root.getRootNode() as ShadowRoot).activeElement === this.frame;
    this.isOpen = false;
    this.frame.hidden = true;
    this.root.classList.remove('open');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.post({ ns: MESSAGE_NS, type: 'closed' });
    if (focusWasInside) this.launcher.focus();
  }

  private onMessage(e: MessageEvent): void {
    if (e.source !== this.frame.contentWindow || e.origin !== this.frameOrigin) return;
    const msg = e.data as FrameToHost | null;
    if (!msg || typeof msg !== 'object' || msg.ns !== MESSAGE_NS) return;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        if (this.isOpen) this.post({ ns: MESSAGE_NS, type: 'open', modal: matchMedia(MODAL_QUERY).matches });
        break;
      case 'state':
        if (isLang(msg.lang)) this.lang = msg.lang;
        this.unread = typeof msg.unread === 'number' && msg.unread > 0 ? Math.floor(msg.unread) : 0;
        this.applyStrings();
        break;
      case 'close':
        this.close();
        this.launcher.focus();
        break;
      case 'exit':
        this.exit();
        break;
    }
  }

  /** Quick exit: the frame has already erased the conversation; nothing of it may stay on screen. */
  private exit(): void {
    this.root.remove();
    // replace(): the consultation page does not stay in this tab's history.
    location.replace(this.opts.exitUrl);
  }

  private post(msg: HostToFrame): void {
    this.frame.contentWindow?.postMessage(msg, this.frameOrigin);
  }

  private applyStrings(): void {
    const t = catalogues[this.lang];
    this.root.setAttribute('lang', t.htmlLang);
    this.launcherText.textContent = t.launcher;
    this.frame.title = t.frameTitle;
    const n = this.isOpen ? 0 : this.unread;
    this.badge.hidden = n === 0;
    this.badge.textContent = n > 99 ? '99+' : String(n);
    this.launcher.setAttribute('aria-label', n ? `${t.launcherLabel}（${t.unread(n)}）` : t.launcherLabel);
  }
}
