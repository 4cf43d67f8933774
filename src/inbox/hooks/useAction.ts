/** One staff action on a control: busy while it runs (the button disabled), and why it failed, for people, when it did. */
import { useState } from 'preact/hooks';
import { errorText } from '../api.js';

/** keepBusyOnSuccess: the control goes away once the action is done (an acknowledged alert), so it must not come back clickable meanwhile. */
export function useAction(opts: { keepBusyOnSuccess?: boolean } = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (work: () => Promise<void>, failed: string) => {
    setBusy(true);
    setError('');
    try {
      await work();
      if (!opts.keepBusyOnSuccess) setBusy(false);
    } catch (err) {
      setError(errorText(err, failed));
      setBusy(false);
    }
  };
  return { busy, error, run };
}
