// Keyboard in the search dialog: Pagefind's results are links reached only by Tab. ArrowDown from the
// query (or from a result) focuses the next result, ArrowUp the previous one and, from the first, the
// query again; Enter on a focused result is the link's own, so it opens it (and Starlight closes the
// dialog on the link's click).

const RESULT_LINKS = '.pagefind-ui__result-link';

export function arrowKeysThroughResults(dialog: HTMLElement): void {
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const links = [...dialog.querySelectorAll<HTMLAnchorElement>(RESULT_LINKS)];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    // In the query, ArrowUp keeps its text-field meaning; so does ArrowDown when nothing was found.
    if (at < 0 && (event.key === 'ArrowUp' || links.length === 0)) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : at - 1;
    const target = next < 0 ? dialog.querySelector<HTMLInputElement>('input') : links[next];
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  });
}
