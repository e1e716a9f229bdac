// Page-level events every lab honours: a hidden tab pauses training (nobody is watching, and the
// worker would keep a laptop's fan busy), and leaving the page disposes the worker and its tensors.

export interface LifecycleHooks {
  /** The tab was hidden while this lab was on the page. */
  onHidden(): void;
  /** The page is going away (navigation, tab closed, bfcache): free everything. */
  onLeave(): void;
}

/** Installs the listeners; the returned function removes them. */
export function watchLifecycle(hooks: LifecycleHooks): () => void {
  const visibility = (): void => {
    if (document.visibilityState === 'hidden') hooks.onHidden();
  };
  const leave = (): void => hooks.onLeave();
  document.addEventListener('visibilitychange', visibility);
  window.addEventListener('pagehide', leave);
  return () => {
    document.removeEventListener('visibilitychange', visibility);
    window.removeEventListener('pagehide', leave);
  };
}
