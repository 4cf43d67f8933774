/**
 * Writing: the text box and its draft (kept until sent), sending a message or a chosen button
 * into the outbox, and giving a refused message back to be corrected or taken back.
 */
import { MAX_TEXT_LENGTH, type WidgetButton } from '../contract.js';
import type { Catalogue } from '../i18n.js';
import type { Outbox, OutboxItem } from './outbox.js';
import { readJson, remove, writeJson } from './storage.js';
import type { Thread } from './thread.js';
import type { View } from './view.js';

/** What the person has typed but not sent yet (survives a reload, not the tab). */
const DRAFT_KEY = 'draft';

export interface ComposerHooks {
  t(): Catalogue;
  /** The outbox changed: render, and send what waits. */
  queued(): void;
  changed(): void;
  scrollToEnd(): void;
}

export class Composer {
  constructor(
    private readonly view: View,
    private readonly outbox: Outbox,
    private readonly thread: Thread,
    private readonly hooks: ComposerHooks,
  ) {
    const draft = readJson<string>(DRAFT_KEY);
    if (typeof draft === 'string') view.input.value = draft;
    view.input.addEventListener('input', () => {
      this.saveDraft();
      view.setText(view.error, '');
      this.refresh();
    });
  }

  send(): void {
    const v = this.view;
    const t = this.hooks.t();
    const text = v.input.value.trim();
    if (!text) return;
    if (text.length > MAX_TEXT_LENGTH) return v.setText(v.error, t.tooLong(MAX_TEXT_LENGTH));
    v.setText(v.error, '');
    v.setText(v.note, '');
    // The text moves from the draft to the outbox (both stored), so it is always in one of them.
    this.outbox.add(text);
    v.input.value = '';
    this.saveDraft();
    this.refresh();
    this.hooks.queued();
    this.hooks.scrollToEnd();
  }

  /** The person clicked a choice under a bot question: sent like a typed message, with its data. */
  choose(messageId: string, b: WidgetButton, group: HTMLElement): void {
    if (this.thread.answered.has(messageId)) return;
    this.thread.answered.add(messageId);
    const hadFocus = group.contains(document.activeElement);
    for (const btn of Array.from(group.querySelectorAll('button'))) btn.disabled = true;
    this.outbox.add(b.label, b.data);
    this.hooks.queued();
    // The buttons are gone now; keep keyboard focus in the conversation, not lost on the page.
    if (hadFocus) this.view.log.focus({ preventScroll: true });
    this.hooks.scrollToEnd();
  }

  /** A refused message goes back into the text box, to be corrected and sent again. */
  edit(item: OutboxItem): void {
    const input = this.view.input;
    this.outbox.remove(item.clientMessageId);
    input.value = input.value.trim() ? `${item.text}\n${input.value}` : item.text;
    this.saveDraft();
    this.refresh();
    this.hooks.changed();
    input.focus();
  }

  takeBack(item: OutboxItem): void {
    this.outbox.remove(item.clientMessageId);
    this.hooks.changed();
    this.view.input.focus();
  }

  /** Empties the text box and forgets the draft (erase). */
  clear(): void {
    this.view.input.value = '';
    this.saveDraft();
    this.refresh();
  }

  private refresh(): void {
    this.view.updateCounter(this.hooks.t());
    this.view.autoGrow();
  }

  private saveDraft(): void {
    const v = this.view.input.value;
    if (v.trim()) writeJson(DRAFT_KEY, v);
    else remove(DRAFT_KEY);
  }
}
