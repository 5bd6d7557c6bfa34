// A small history router: the current path, navigation without reload, and links.
// Pages are declared in pages.tsx; each feature adds its own entries there.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';

interface Router {
  readonly path: string;
  readonly navigate: (to: string) => void;
}

const RouterContext = createContext<Router | null>(null);

export function RouterProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const onPop = (): void => {
      setPath(window.location.pathname);
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  const navigate = useCallback((to: string) => {
    window.history.pushState(null, '', to);
    setPath(new URL(to, window.location.href).pathname);
    // Move focus to the new page's content, as a full page load would for screen readers.
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  }, []);
  const value = useMemo(() => ({ path, navigate }), [path, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (router === null) throw new Error('useRouter outside <RouterProvider>');
  return router;
}

export function Link({
  to,
  children,
  className,
  current,
}: {
  readonly to: string;
  readonly children: ReactNode;
  readonly className?: string;
  /** Marks the link of the page being shown (`aria-current="page"`). */
  readonly current?: boolean;
}): ReactNode {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} aria-current={current === true ? 'page' : undefined}>
      {children}
    </a>
  );
}
