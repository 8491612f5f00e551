import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A screen's h1. It takes focus when the screen appears, so keyboard and screen-reader users
 * land at the top of the new screen after each navigation.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
