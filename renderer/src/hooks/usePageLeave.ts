import { useEffect, useRef } from 'react';

/**
 * Calls the latest `leave` when the page goes: a reload, a closed window or tab. What it sends is on its way before
 * the page is torn down (the e2e tests of gennemgang prove a note typed just before arrives).
 */
export function usePageLeave(leave: () => void): void {
  const latest = useRef(leave);
  latest.current = leave;
  useEffect(() => {
    const onLeave = () => latest.current();
    window.addEventListener('pagehide', onLeave);
    return () => window.removeEventListener('pagehide', onLeave);
  }, []);
}
