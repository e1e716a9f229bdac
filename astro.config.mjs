// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { unified } from '@astrojs/markdown-remark';
import { contentGuard } from './src/build/content-guard.ts';
import { remarkCells } from './src/notebook/remark-cells.ts';
import { remarkExercises } from './src/exercises/remark-exercises.ts';
import { isTestBuild, testPages } from './src/build/test-pages.ts';
import { offline } from './src/build/offline.ts';

const base = process.env.BASE_PATH ?? '/';
const baseDir = base.replace(/\/?$/, '/');
// The site's own address, for canonical links and the sitemap. Set it when publishing, e.g.
// SITE_URL=https://usuario.github.io BASE_PATH=/anatomia/ npm run build
const site = process.env.SITE_URL ?? 'http://localhost:4321';
// `npm run build:test` adds the test fixtures (tests/pages/) and writes to dist-test/ instead of dist/.
const testBuild = isTestBuild();

export default defineConfig({
  site,
  base,
  outDir: testBuild ? './dist-test' : './dist',
  trailingSlash: 'always',
  // Starlight turns on link prefetching; the service worker precaches every page at install, so
  // prefetching would fetch each page twice (and cost ~1 KB of JS on every page).
  prefetch: false,
  // Starlight's Pagefind UI loads on the reader's first sign of searching, not on idle
  // (src/overrides/pagefind-lazy.ts); the stand-in imports the real module by its file path.
  vite: {
    resolve: {
      alias: [
        {
          find: /^@pagefind\/default-ui$/,
          replacement: fileURLToPath(new URL('./src/overrides/pagefind-lazy.ts', import.meta.url)),
        },
      ],
    },
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, remarkExercises, remarkCells],
      rehypePlugins: [rehypeKatex],
    }),
  },
  integrations: [
    contentGuard('./content'),
    testPages(testBuild),
    // Starlight adds this integration itself unless the config has it: ours leaves the answer key
    // out (it is kept out of the sidebar and of search too, and asks robots not to index it).
    sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/gabarito/') }),
    starlight({
      title: 'Anatomia',
      description:
        'A anatomia de uma rede neural: camadas, tensores, SGD, Dense, Conv2D e LSTM, treinando ao vivo.',
      customCss: [
        'katex/dist/katex.min.css',
        './src/styles/custom.css',
        './src/styles/print.css',
        './src/styles/offline.css',
      ],
      // Search: the button's name matches its text, and arrow keys walk the results (src/overrides).
      // Sidebar: each lesson's link carries its exercise progress (src/overrides/Sidebar.astro).
      // Footer: the offline download box under every page (components/offline/).
      components: {
        Search: './src/overrides/Search.astro',
        Sidebar: './src/overrides/Sidebar.astro',
        Footer: './src/overrides/Footer.astro',
      },
      // Installable as an app: the web app manifest (public/manifest.webmanifest) and its icons.
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: `${baseDir}manifest.webmanifest` } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#1b2a4a' } },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${baseDir}icons/icon-180.png` } },
      ],
      defaultLocale: 'root',
      locales: { root: { label: 'Português do Brasil', lang: 'pt-BR' } },
      // Starlight's asides and other remark steps only run on processed dirs; content/ is outside src/.
      markdown: { processedDirs: ['./content'] },
      // Code wraps instead of scrolling sideways: readable on phones, and no unfocusable scroll regions.
      expressiveCode: { defaultProps: { wrap: true } },
      // The collection root is content/, so autogenerate must name it: 'content', not ''.
      // The teachers' pages set sidebar.hidden: the guide gets a group of its own, and the answer key
      // is linked from the guide only (not in the sidebar, and pagefind: false keeps it out of search).
      sidebar: [
        { label: 'Curso', items: [{ autogenerate: { directory: 'content' } }] },
        { label: 'Para professores', items: [{ slug: 'guia-do-professor' }] },
      ],
    }),
    // After Starlight, whose build step writes the Pagefind index the service worker precaches.
    offline(),
  ],
});
