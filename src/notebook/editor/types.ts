// TypeScript help in the cell editor: completions, signature help, hover and diagnostics from the
// language-service worker (src/notebook/types). Nothing reaches the worker until the reader edits
// (types the first character or asks for completions): reading or running cells never starts it.
import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { linter, type Diagnostic } from '@codemirror/lint';
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { EditorView, hoverTooltip, showTooltip, ViewPlugin, type Tooltip } from '@codemirror/view';
import type { TypesClient } from '../types/client';
import type { Documented, SignatureHelp } from '../types/protocol';

/** What a cell's editor needs to ask about its code in the page's shared scope. */
export interface EditorTypes {
  /** Every cell's current code, in page order (this one's included). */
  cells(): readonly string[];
  /** This cell's place in cells(). */
  index(): number;
  /** The page's language-service client; started on the first call. */
  client(): Promise<TypesClient>;
}

const KINDS: Record<string, string> = {
  method: 'method',
  function: 'function',
  'local function': 'function',
  property: 'property',
  getter: 'property',
  setter: 'property',
  class: 'class',
  'local class': 'class',
  interface: 'interface',
  type: 'type',
  enum: 'enum',
  module: 'namespace',
  keyword: 'keyword',
  alias: 'variable',
  var: 'variable',
  let: 'variable',
  const: 'constant',
  'local var': 'variable',
  parameter: 'variable',
};

function docElement(doc: Documented, className: string): HTMLElement {
  const box = document.createElement('div');
  box.className = className;
  const signature = document.createElement('code');
  signature.className = 'nb-types-display';
  signature.textContent = doc.display;
  box.append(signature);
  if (doc.documentation !== '') {
    const text = document.createElement('p');
    text.className = 'nb-types-doc';
    text.textContent = doc.documentation;
    box.append(text);
  }
  return box;
}

const setSignature = StateEffect.define<Tooltip | null>();
const signatureField = StateField.define<Tooltip | null>({
  create: () => null,
  update(value, transaction) {
    for (const effect of transaction.effects) if (effect.is(setSignature)) return effect.value;
    return transaction.docChanged || transaction.selection ? value && null : value;
  },
  provide: (field) => showTooltip.from(field),
});

function signatureTooltip(pos: number, help: SignatureHelp): Tooltip {
  return {
    pos,
    above: true,
    create() {
      const dom = document.createElement('div');
      dom.className = 'nb-types-signature';
      dom.dataset['typesSignature'] = '';
      const code = document.createElement('code');
      const [from, to] = help.active ?? [0, 0];
      const active = document.createElement('strong');
      active.textContent = help.label.slice(from, to);
      code.append(help.label.slice(0, from), active, help.label.slice(to));
      dom.append(code);
      if (help.overload !== undefined) dom.append(` (${help.overload})`);
      if (help.documentation !== '') {
        const doc = document.createElement('p');
        doc.className = 'nb-types-doc';
        doc.textContent = help.documentation;
        dom.append(doc);
      }
      return { dom };
    },
  };
}

export function typeSupport(types: EditorTypes): Extension {
  let started = false;
  const ask = async <T>(run: (client: TypesClient) => Promise<T>): Promise<T> => {
    started = true;
    return run(await types.client());
  };
  const cellsWith = (view: EditorView) => {
    const cells = [...types.cells()];
    cells[types.index()] = view.state.doc.toString();
    return cells;
  };

  const complete = async (context: CompletionContext): Promise<CompletionResult | null> => {
    const word = context.matchBefore(/[\w$]+/);
    const afterDot = context.matchBefore(/\.[\w$]*/) !== null;
    if (!context.explicit && word === null && !afterDot) return null;
    const view = context.view;
    if (view === undefined) return null;
    const cells = cellsWith(view);
    const cell = types.index();
    const result = await ask((client) =>
      client.request('completions', cells, cell, { pos: context.pos, explicit: context.explicit }),
    );
    if (result === null || context.aborted) return null;
    const options: Completion[] = result.items.map((item) => ({
      label: item.label,
      type: KINDS[item.kind] ?? 'text',
      boost: 50 - (Number.parseInt(item.sortText, 10) || 0),
      info: async () => {
        const details = await ask((client) =>
          client.request('details', cells, cell, { pos: context.pos, name: item.label }),
        );
        return details === null ? null : docElement(details, 'nb-types-info');
      },
    }));
    return { from: result.from, options, validFor: /^[\w$]*$/ };
  };

  const hover = hoverTooltip(async (view, pos) => {
    if (!started) return null;
    const info = await ask((client) =>
      client.request('hover', cellsWith(view), types.index(), { pos }),
    );
    if (info === null) return null;
    return {
      pos: info.from,
      end: info.to,
      above: true,
      create: () => {
        const dom = docElement(info, 'nb-types-hover');
        dom.dataset['typesHover'] = '';
        return { dom };
      },
    };
  });

  const lint = linter(
    async (view) => {
      if (!started) return [];
      const doc = view.state.doc;
      const found = await ask((client) =>
        client.request('diagnostics', cellsWith(view), types.index(), {}),
      );
      // For tests and benchmarks: how many checks of the code as it is finished, and what the last
      // one found (a check of code typed over meanwhile is not shown, so not counted).
      if (view.state.doc === doc) {
        const dom = view.dom;
        dom.dataset['typesChecked'] = String(Number(dom.dataset['typesChecked'] ?? '0') + 1);
        dom.dataset['typeErrors'] = String(found.length);
      }
      // The document may have changed meanwhile: the linter runs again then; keep ranges valid.
      return found.map((d): Diagnostic => ({
        from: Math.min(d.from, doc.length),
        to: Math.min(Math.max(d.to, d.from), doc.length),
        severity: d.severity,
        message: `${d.message} (TS${d.code})`,
        source: 'TypeScript',
      }));
    },
    { delay: 150 },
  );

  const signature = ViewPlugin.fromClass(
    class {
      private asked = 0;
      /** Inside a call's arguments as of the last answer: keep asking while the caret moves. */
      private open = false;
      update(update: { docChanged: boolean; selectionSet: boolean; view: EditorView }) {
        if (!started || !(update.docChanged || update.selectionSet)) return;
        const view = update.view;
        const pos = view.state.selection.main.head;
        // Only an opening parenthesis or a comma starts signature help; the worker stays free for
        // completions and diagnostics the rest of the time.
        if (!this.open && !/[(,]\s*$/.test(view.state.sliceDoc(Math.max(0, pos - 8), pos))) return;
        const ticket = ++this.asked;
        void ask((client) => client.request('signature', cellsWith(view), types.index(), { pos }))
          .then((help) => {
            if (ticket !== this.asked) return;
            this.open = help !== null;
            view.dispatch({
              effects: setSignature.of(help === null ? null : signatureTooltip(pos, help)),
            });
          })
          .catch(() => undefined);
      }
    },
  );

  // The first edit starts the worker, so its answers are ready by the next keystroke.
  const startOnEdit = EditorView.updateListener.of((update) => {
    if (
      !started &&
      update.docChanged &&
      update.transactions.some((t) => t.isUserEvent('input') || t.isUserEvent('delete'))
    ) {
      started = true;
      void types.client();
    }
  });

  return [
    startOnEdit,
    autocompletion({ override: [complete], activateOnTypingDelay: 0 }),
    hover,
    lint,
    signatureField,
    signature,
  ];
}
