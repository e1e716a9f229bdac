// The page's one notebook, loaded on first use: the cells' bootstrap and the exercises share it
// (the same kernel and scope), so whichever needs it first loads it.
type Notebook = import('./notebook').Notebook;

let loading: Promise<Notebook> | undefined;

export function loadNotebook(): Promise<Notebook> {
  loading ??= import('./notebook').then((m) => m.createNotebook(document));
  return loading;
}
