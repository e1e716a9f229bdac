// Every lab control the built course ships, read from the test build (dist-test/, the one the e2e
// tests serve) when the spec is collected: the lab on each lesson page, each <select> with its options
// and each typed field. A control added to a lab, or a lab added to a lesson, becomes a test without
// anyone writing one (labs-controls.spec.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { labelOf } from '../../components/labs/shared/fields';
import { coursePages } from './pages';

export interface SelectControl {
  /** A CSS selector for the <select> inside its lab. */
  selector: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface TypedControl {
  selector: string;
  label: string;
  /** 'number' inputs cannot hold letters; the others are text inputs or textareas. */
  type: 'text' | 'number';
}

export interface LabInstance {
  /** The lesson page's path under the base URL, e.g. "camadas-densas/". */
  path: string;
  /** data-lab-root: dense, sgd, conv2d, lstm, conv1d, kernel, tensor, lego. */
  kind: string;
  id: string;
  /** Training labs (data-lab) train; the others recompute instantly. */
  trains: boolean;
  selects: SelectControl[];
  typed: TypedControl[];
}

/** A selector unique inside the lab: its name, its data-* marker, or its aria-label. */
function selectorOf(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const name = el.getAttribute('name');
  if (name !== null) return `${tag}[name="${name}"]`;
  const aria = el.getAttribute('aria-label');
  if (aria !== null) return `${tag}[aria-label="${aria}"]`;
  const marker = [...el.attributes].find((a) => a.name.startsWith('data-'));
  if (marker !== undefined) return `${tag}[${marker.name}]`;
  throw new Error(`a lab control without name, data-* or aria-label: ${el.outerHTML}`);
}

export function labCatalog(dist = 'dist-test'): LabInstance[] {
  const labs: LabInstance[] = [];
  for (const page of coursePages) {
    const file = join(dist, page.path, 'index.html');
    if (!existsSync(file))
      throw new Error(`${file} is missing: build the site first (npm run build)`);
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    for (const root of document.querySelectorAll('[data-lab-root]')) {
      const selects = [...root.querySelectorAll('select')].map((el) => ({
        selector: selectorOf(el),
        label: labelOf(el),
        options: [...el.querySelectorAll('option')].map((o) => ({
          value: o.getAttribute('value') ?? o.textContent.trim(),
          label: o.textContent.trim(),
        })),
      }));
      const typed = [
        ...root.querySelectorAll(
          'input:not([type]), input[type="text"], input[type="number"], textarea',
        ),
      ].map((el) => ({
        selector: selectorOf(el),
        label: labelOf(el),
        type: el.getAttribute('type') === 'number' ? ('number' as const) : ('text' as const),
      }));
      for (const control of [...selects, ...typed]) {
        const count = root.querySelectorAll(control.selector).length;
        if (count !== 1) throw new Error(`${page.path} ${control.selector}: ${count} matches`);
      }
      labs.push({
        path: page.path,
        kind: root.getAttribute('data-lab-root') ?? '',
        id: root.getAttribute('id') ?? '',
        trains: root.hasAttribute('data-lab'),
        selects,
        typed,
      });
    }
  }
  return labs;
}
