/**
 * Desktop notifications for crisis alerts (Notification API). Permission is asked only from a
 * visible control (browsers ignore or punish asking without a click); everything fails quietly.
 * @see https://developer.mozilla.org/docs/Web/API/Notification
 */
export type NotifyPermission = NotificationPermission | 'unsupported';

export function notifyPermission(): NotifyPermission {
  return typeof window.Notification === 'function' ? Notification.permission : 'unsupported';
}

/** Must run inside a click handler. Resolves with the answer (or what it already was). */
export async function askNotifyPermission(): Promise<NotifyPermission> {
  if (typeof window.Notification !== 'function') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** Shows a notification if allowed; one per `tag` (a repeat replaces it). Clicking it brings the inbox forward. */
export function notify(title: string, body: string, tag: string, onClick: () => void): void {
  if (notifyPermission() !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag, requireInteraction: true });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    /* some browsers allow notifications only from a service worker: the banner and sound still tell */
  }
}
