import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

// Lessons live in the top-level content/ folder, not src/content/docs (see astro.config.mjs for the
// two settings this needs). Files are named NN-slug.mdx; the frontmatter `slug` drops the prefix.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
  // Starlight's own UI strings that its pt translation lacks (the search dialog's).
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
