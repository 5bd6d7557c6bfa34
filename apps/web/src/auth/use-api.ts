// Loads one API resource for a page: loading, a value, or an error code to translate.
import { useEffect, useState } from 'react';
import { getJson } from '../api.ts';

export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly code: string }
  | { readonly state: 'done'; readonly value: T };

export function useApi<T>(path: string, version = 0): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    void getJson<T>(path, controller.signal).then((result) => {
      if (!controller.signal.aborted)
        setLoad(result.ok ? { state: 'done', value: result.value } : { state: 'error', code: result.code });
    });
    return () => {
      controller.abort();
    };
  }, [path, version]);
  return load;
}
