// The page's notebook bar: Executar tudo, the kernel status (backend, busy/idle, restarts) and
// Reiniciar kernel. After a restart it says plainly that cells must be rerun.
import { t } from '../../i18n';
import type { KernelStatus } from '../runtime/client';

export interface Bar {
  show(status: KernelStatus): void;
}

export function createBar(root: HTMLElement | null): Bar {
  const state = root?.querySelector<HTMLElement>('[data-kernel-status]');
  const message = root?.querySelector<HTMLElement>('[data-kernel-message]');
  let restarts = 0;
  return {
    show(status) {
      if (root === null || state === null || state === undefined) return;
      root.dataset['kernelState'] = status.state;
      if (status.backend !== undefined) root.dataset['backend'] = status.backend;
      // For tests and the curious: messages the page refused (see runtime/validate.ts).
      root.dataset['droppedMessages'] = String(status.dropped);
      const backend = status.backend ?? '…';
      const text =
        status.state === 'off'
          ? t('notebook.kernel.off')
          : status.state === 'starting'
            ? t('notebook.kernel.starting')
            : status.state === 'restarting'
              ? t('notebook.kernel.restarting')
              : status.state === 'failed'
                ? t('notebook.kernel.failed', { reason: status.failure?.message ?? '' })
                : t(status.state === 'busy' ? 'notebook.kernel.busy' : 'notebook.kernel.idle', {
                    backend,
                  });
      state.textContent = t('notebook.kernel.status', { state: text });
      if (status.restarts > restarts && message !== null && message !== undefined) {
        restarts = status.restarts;
        message.hidden = false;
        message.textContent =
          status.lost === undefined
            ? t('notebook.kernel.restarted')
            : t('notebook.kernel.lost', { reason: t(`notebook.kernel.loss.${status.lost}`) });
      }
    },
  };
}
