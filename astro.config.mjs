// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { unified } from '@astrojs/markdown-remark';
import { contentGuard } from './src/build/content-guard.ts';
import { remarkCells } from './src/notebook/remark-cells.ts';
import { remarkExercises } from './src/exercises/remark-exercises.ts';

const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath, remarkExercises, remarkCells],
      rehypePlugins: [rehypeKatex],
    }),
  },
  integrations: [
    contentGuard('./content'),
    starlight({
      title: 'Anatomia',
      components: { Sidebar: './src/overrides/Sidebar.astro' },
      description:
        'A anatomia de uma rede neural: camadas, tensores, SGD, Dense, Conv2D e LSTM, treinando ao vivo.',
      customCss: ['katex/dist/katex.min.css', './src/styles/custom.css', './src/styles/print.css'],
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
  ],
});
