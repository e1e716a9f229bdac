import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuiltSite, readLessons } from '../../../src/build/content-guard.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'anatomia-guard-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const lesson = (order: number, slug: string, extra = ''): string =>
  `---\ntitle: 'Lição ${order}'\ndescription: Sobre ${slug}.\nslug: ${slug}\nsidebar:\n  order: ${order}\n---\n\n${extra}\n`;

describe('readLessons', () => {
  it('reads title, description, slug and order of each lesson, skipping _files', () => {
    const dir = folder({
      '00-inicio.mdx': lesson(0, 'index'),
      '01-camadas.mdx': lesson(1, 'camadas', ':::note\nnota\n:::'),
      '_wordlist.txt': 'palavra',
    });
    expect(readLessons(dir)).toEqual([
      expect.objectContaining({ file: '00-inicio.mdx', order: 0, slug: 'index', hasAside: false }),
      expect.objectContaining({ title: 'Lição 1', order: 1, slug: 'camadas', hasAside: true }),
    ]);
  });

  it('reads sidebar.hidden', () => {
    const dir = folder({
      '00-inicio.mdx': lesson(0, 'index'),
      '12-gabarito.mdx': `---\ntitle: Gabarito\ndescription: d.\nslug: gabarito\nsidebar:\n  order: 12\n  hidden: true\n---\n`,
    });
    expect(readLessons(dir).map((l) => [l.slug, l.hidden])).toEqual([
      ['index', false],
      ['gabarito', true],
    ]);
  });

  it('fails naming the file when a lesson lacks its description', () => {
    const dir = folder({
      '00-inicio.mdx': `---\ntitle: Início\nslug: index\nsidebar:\n  order: 0\n---\n`,
    });
    expect(() => readLessons(dir)).toThrow(/00-inicio\.mdx: frontmatter needs "description"/);
  });

  it('fails when sidebar.order disagrees with the file prefix', () => {
    const dir = folder({ '02-tensores.mdx': lesson(3, 'tensores') });
    expect(() => readLessons(dir)).toThrow(/sidebar\.order must be 2, found 3/);
  });

  it('fails on an empty content folder and on badly named files', () => {
    expect(() => readLessons(folder({}))).toThrow(/no lessons found/);
    expect(() => readLessons(folder({ 'camadas.mdx': lesson(1, 'camadas') }))).toThrow(
      /named NN-slug\.mdx/,
    );
  });
});

describe('checkBuiltSite', () => {
  const lessons = [
    {
      file: '00-inicio.mdx',
      order: 0,
      title: 'Início',
      description: 'd',
      slug: 'index',
      hasAside: false,
      hidden: false,
    },
    {
      file: '01-camadas.mdx',
      order: 1,
      title: 'Camadas',
      description: 'd',
      slug: 'camadas',
      hasAside: true,
      hidden: false,
    },
  ];
  const answerKey = {
    file: '12-gabarito.mdx',
    order: 12,
    title: 'Gabarito',
    description: 'd',
    slug: 'gabarito',
    hasAside: false,
    hidden: true,
  };
  const sidebar = (links: string): string =>
    `<nav class="sidebar" aria-label="Principal">${links}</nav>`;

  it('passes when every lesson is linked from the sidebar and asides rendered', () => {
    const dist = folder({
      'index.html': sidebar('<a href="/base/">Início</a><a href="/base/camadas/">Camadas</a>'),
      'camadas/index.html': '<aside class="starlight-aside starlight-aside--note"></aside>',
    });
    expect(checkBuiltSite(dist, '/base/', lessons)).toEqual([]);
  });

  it('lets a hidden page stay out of the sidebar, but not out of the build', () => {
    const links = sidebar('<a href="/base/">Início</a><a href="/base/camadas/">Camadas</a>');
    const built = folder({
      'index.html': links,
      'camadas/index.html': '<aside class="starlight-aside"></aside>',
      'gabarito/index.html': '<h1>Gabarito</h1>',
    });
    expect(checkBuiltSite(built, '/base/', [...lessons, answerKey])).toEqual([]);
    const missing = folder({
      'index.html': links,
      'camadas/index.html': '<aside class="starlight-aside"></aside>',
    });
    expect(checkBuiltSite(missing, '/base/', [...lessons, answerKey])).toEqual([
      '12-gabarito.mdx: no page was built at /base/gabarito/',
    ]);
  });

  it('reports an empty sidebar group and vanished asides', () => {
    const dist = folder({ 'index.html': sidebar(''), 'camadas/index.html': '<p>nota</p>' });
    expect(checkBuiltSite(dist, '/', lessons)).toEqual([
      expect.stringMatching(/"Início" is missing/),
      expect.stringMatching(/"Camadas" is missing/),
      expect.stringMatching(/01-camadas\.mdx: asides vanished/),
    ]);
  });
});
