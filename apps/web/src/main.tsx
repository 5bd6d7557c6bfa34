import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Layout } from './components/layout.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { renderPage } from './pages.tsx';
import { RouterProvider, useRouter } from './router.tsx';
import './styles.css';

function CurrentPage(): ReactNode {
  return renderPage(useRouter().path);
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <RouterProvider>
        <Layout>
          <CurrentPage />
        </Layout>
      </RouterProvider>
    </I18nProvider>
  </StrictMode>,
);
