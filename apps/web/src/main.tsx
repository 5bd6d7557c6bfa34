import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HomePage } from './components/home-page.tsx';
import { Layout } from './components/layout.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Layout>
        <HomePage />
      </Layout>
    </I18nProvider>
  </StrictMode>,
);
