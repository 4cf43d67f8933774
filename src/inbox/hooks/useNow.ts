/** The current time, refreshed every 30 s so relative times ("3分前") stay true. */
import { useEffect, useState } from 'preact/hooks';

export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const i = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(i);
  }, []);
  return now;
}
