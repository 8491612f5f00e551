import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { messageOf } from '../errors';

/**
 * Data a screen loads when it appears and again when `deps` change: the value once it has come, or the Danish
 * message of why it did not. `reload` fetches again; `setData` keeps a value a later call answered with.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  const reload = useCallback(() => load().then(setData, (err) => setError(messageOf(err))), deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, setData, error, setError, reload };
}
