import { type ReactNode, useEffect, useRef } from 'react';
import { useApp } from '../store';

/**
 * A screen's h1. It takes focus when the screen appears, so keyboard and screen-reader users
 * land at the top of the new screen after each navigation. The window's title names it too (or `windowTitle`, where
 * the heading alone does not say which screen it is).
 */
export function PageTitle({ children, windowTitle }: { children: ReactNode; windowTitle?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const setPageTitle = useApp((s) => s.setPageTitle);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  useEffect(() => {
    setPageTitle(windowTitle ?? ref.current?.textContent?.trim() ?? '');
  });
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
