/**
 * The frame's side of the postMessage channel to the embed script on the host page. Messages are
 * sent only to the host origin named in the frame URL (`#host=<origin>`) and accepted only from the
 * parent window at that origin; the server's CSP `frame-ancestors` decides which pages may frame
 * us at all. Opened on its own (not in a frame), the chat works as a page by itself.
 */
import { MESSAGE_NS, type FrameToHost, type HostToFrame } from '../contract.js';

export interface HostHooks {
  open(modal: boolean): void;
  closed(): void;
}

type WithoutNs<T> = T extends unknown ? Omit<T, 'ns'> : never;

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

export class HostChannel {
  /** Not in a frame (or no usable host origin): nobody to talk to. */
  readonly standalone: boolean;
  private readonly origin: string | undefined;

  constructor(hostParam: string | null, hooks: HostHooks) {
    const framed = window.parent !== window;
    this.origin = framed && hostParam && ORIGIN.test(hostParam) ? hostParam : undefined;
    this.standalone = !this.origin;
    if (this.standalone) return;
    window.addEventListener('message', (e) => {
      if (e.source !== window.parent || e.origin !== this.origin) return;
      const msg = e.data as HostToFrame | null;
      if (!msg || typeof msg !== 'object' || msg.ns !== MESSAGE_NS) return;
      if (msg.type === 'open') hooks.open(msg.modal === true);
      else if (msg.type === 'closed') hooks.closed();
    });
  }

  send(msg: WithoutNs<FrameToHost>): void {
    if (this.origin) window.parent.postMessage({ ns: MESSAGE_NS, ...msg }, this.origin);
  }
}
