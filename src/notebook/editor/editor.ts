// The cell editor: CodeMirror 6 with TypeScript highlighting, line numbers, bracket help and pt-BR
// labels. Loaded on demand (the first focus or run of a cell), never with the page.
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { EditorState, Prec } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { typeSupport, type EditorTypes } from './types';

export type { EditorTypes } from './types';

export interface EditorOptions {
  doc: string;
  /** Accessible name of the editable area (pt-BR). */
  label: string;
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Shift+Enter. */
  onRunAndAdvance(): void;
  /** TypeScript help (completions, hover, signatures, diagnostics) in the page's shared scope. */
  types?: EditorTypes;
}

export interface CellEditor {
  readonly view: EditorView;
  getCode(): string;
  /** Replaces the whole text (Restaurar original); undoable. */
  setCode(code: string): void;
  focus(): void;
  destroy(): void;
}

// Colours come from CSS variables (components/notebook/cell.css), so light and dark themes follow
// Starlight's and stay colour-blind-safe in one place.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.modifier, tags.controlKeyword], color: 'var(--nb-tok-keyword)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--nb-tok-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--nb-tok-number)' },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--nb-tok-comment)',
    fontStyle: 'italic',
  },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--nb-tok-type)' },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName)],
    color: 'var(--nb-tok-function)',
  },
  { tag: [tags.definition(tags.variableName)], color: 'var(--nb-tok-definition)' },
  { tag: [tags.operator, tags.punctuation], color: 'var(--nb-tok-punctuation)' },
]);

export function createEditor(parent: HTMLElement, options: EditorOptions): CellEditor {
  const runKeys = Prec.highest(
    keymap.of([
      { key: 'Shift-Enter', run: () => (options.onRunAndAdvance(), true) },
      { key: 'Mod-Enter', run: () => (options.onRun(), true) },
    ]),
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        runKeys,
        options.types === undefined ? [] : typeSupport(options.types),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        javascript({ typescript: true }),
        syntaxHighlighting(highlight),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap]),
        EditorState.tabSize.of(2),
        // Wrapped lines: no sideways scrolling on a phone, and no scroll region without a focus stop.
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label, spellcheck: 'false' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
        EditorState.phrases.of({
          'Control character': 'Caractere de controle',
          'Folded lines': 'Linhas recolhidas',
          'Unfolded lines': 'Linhas expandidas',
        }),
      ],
    }),
  });
  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
