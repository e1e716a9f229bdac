// Starlight's search button has aria-label "Pesquisar" and shows "Pesquisar" plus a Ctrl K hint in
// <kbd> text; axe-core 4.14 reports that as label-content-name-mismatch (serious): the visible text
// "PesquisarCtrlK" is not inside the name. The shortcut is already announced by aria-keyshortcuts, so
// the hint keeps its look but becomes a CSS-drawn label (data-keys, see Search.astro): no text left
// in the button but the name itself.

const HINT = /<kbd([^>]*)><kbd[^>]*>([^<]*)<\/kbd><kbd[^>]*>K<\/kbd><\/kbd>/;

/** The rendered search markup with the shortcut hint as an empty <kbd data-keys="Ctrl K">. */
export function shortcutAsDrawnLabel(html: string): string {
  if (!HINT.test(html))
    throw new Error(
      'Starlight search markup changed: the Ctrl K hint was not found (src/overrides)',
    );
  return html.replace(HINT, (_whole, attrs: string, ctrl: string) => {
    return `<kbd${attrs} data-keys="${ctrl} K"></kbd>`;
  });
}
