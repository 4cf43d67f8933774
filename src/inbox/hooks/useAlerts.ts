/** Open crisis alerts: loaded on connect, added and escalated live, gone when acknowledged. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, escalationUnreached, type Alert } from '../api.js';
import { flashTitle } from '../alerting.js';
import type { Catalogue } from '../i18n/index.js';
import { notify } from '../notifications.js';
import { showReasons } from '../reasons.js';

/** `onOpen`: a desktop notification was clicked. */
export function useAlerts(t: Catalogue, onOpen: (conversationId: string) => void) {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const alertsRef = useRef(alerts);
  alertsRef.current = alerts;
  /**
   * Alerts acknowledged here or by a colleague. An acknowledgement is final, but events come from
   * the API (acknowledged) and the workers (crisis, escalated) and can cross on the way: an
   * escalation made just before the acknowledgement, arriving after it, must not bring it back.
   */
  const acknowledged = useRef(new Set<string>());

  const load = useCallback(async () => {
    try {
      const list = await api.alerts('open');
      setAlerts((current) => {
        // Keep what the socket told us about escalation if the list does not say it yet.
        const escalated = new Map(current.filter((a) => a.escalatedAt).map((a) => [a.id, a.escalatedAt]));
        return list.filter((a) => !a.acknowledgedAt && !acknowledged.current.has(a.id)).map((a) => (a.escalatedAt || !escalated.has(a.id) ? a : { ...a, escalatedAt: escalated.get(a.id) }));
      });
    } catch {
      /* kept as is; the next reconnect retries */
    }
  }, []);

  const onCrisis = (a: Alert) => {
    if (a.acknowledgedAt || acknowledged.current.has(a.id) || alertsRef.current.some((x) => x.id === a.id)) return;
    alertsRef.current = [a, ...alertsRef.current];
    setAlerts((list) => (list.some((x) => x.id === a.id) ? list : [a, ...list]));
    const why = showReasons(a.reasons ?? [], {}, t);
    setAnnouncement(`${t.alerts.announce(alertsRef.current.length)} ${why.join(' / ')}`);
    notify(t.alerts.notifyTitle, why[0] ?? '', a.id, () => onOpen(a.conversationId));
  };

  const onAcknowledged = (a: Alert) => {
    acknowledged.current.add(a.id);
    setAlerts((list) => list.filter((x) => x.id !== a.id));
  };

  const onEscalated = (a: Alert) => {
    if (a.acknowledgedAt || acknowledged.current.has(a.id)) return;
    const escalated = { ...a, escalatedAt: a.escalatedAt ?? new Date().toISOString() };
    setAlerts((list) => {
      const existing = list.find((x) => x.id === a.id);
      return [{ ...existing, ...escalated }, ...list.filter((x) => x.id !== a.id)];
    });
    setAnnouncement(t.alerts.announceEscalated);
    notify(t.alerts.notifyEscalatedTitle, showReasons(a.reasons ?? [], {}, t)[0] ?? '', a.id, () => onOpen(a.conversationId));
  };

  /** The escalation's progress: shown on the alert; said aloud when the on-call staff were not reached. */
  const onUpdated = (a: Alert) => {
    if (a.acknowledgedAt || acknowledged.current.has(a.id)) return;
    const before = alertsRef.current.find((x) => x.id === a.id);
    setAlerts((list) => {
      const existing = list.find((x) => x.id === a.id);
      return existing ? list.map((x) => (x.id === a.id ? { ...x, ...a, escalatedAt: a.escalatedAt ?? x.escalatedAt } : x)) : [a, ...list];
    });
    if (escalationUnreached(a) && !(before && escalationUnreached(before))) setAnnouncement(t.alerts.announceUnreached);
  };

  const ack = async (id: string) => {
    await api.ackAlert(id);
    acknowledged.current.add(id);
    setAlerts((list) => list.filter((x) => x.id !== id));
  };

  // While any alert is open: the tab title flashes.
  useEffect(() => {
    if (alerts.length === 0) {
      document.title = t.appTitle;
      return;
    }
    return flashTitle(t.alerts.titleFlash(alerts.length), t.appTitle);
  }, [alerts.length, t]);

  return {
    alerts,
    escalated: alerts.some((a) => a.escalatedAt),
    announcement,
    load,
    ack,
    onCrisis,
    onAcknowledged,
    onEscalated,
    onUpdated,
  };
}
