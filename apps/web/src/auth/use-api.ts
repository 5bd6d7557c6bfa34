// Loads one API resource for a page: loading, a value, or an error code to translate.
import { useEffect, useState } from 'react';
import { getJson } from '../api.ts';

export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly code: string }
  | { readonly state: 'done'; readonly value: T };

const LOADING = { state: 'loading' } as const;

/**
 * The resource at `path` (reloaded when `version` changes). A result is shown only for the path
 * and version it was loaded for: in the render where the path changes, the previous answer (an
 * error above all) would otherwise flash before the new request starts.
 */
export function useApi<T>(path: string, version = 0): Load<T> {
  const key = `${String(version)} ${path}`;
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly load: Load<T> }>({ key, load: LOADING });
  useEffect(() => {
    const controller = new AbortController();
    void getJson<T>(path, controller.signal).then((result) => {
      if (!controller.signal.aborted)
        setLoaded({
          key: `${String(version)} ${path}`,
          load: result.ok ? { state: 'done', value: result.value } : { state: 'error', code: result.code },
        });
    });
    return () => {
      controller.abort();
    };
  }, [path, version]);
  return loaded.key === key ? loaded.load : LOADING;
}
