import { useEffect } from 'react';

/**
 * Marks for `npm run bench:web` (User Timing, visible in the browser's performance tools too):
 * when a case's data arrived and when the page showing it was committed to the DOM.
 */
export const markDataReceived = (what: string) => performance.mark(`iop:data:${what}`);

export function useRenderedMark(what: string, ready: boolean): void {
  useEffect(() => {
    if (ready) performance.mark(`iop:rendered:${what}`);
  }, [what, ready]);
}
