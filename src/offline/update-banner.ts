// "Nova versão disponível — recarregar": shown once a new version's worker has installed and waits.
// The click lets it take over (SKIP_WAITING, handled by Workbox's generated worker); register.ts
// reloads every open page when it does.
import { t } from '../i18n';

let shown = false;

export function offerUpdate(worker: ServiceWorker): void {
  if (shown) return;
  shown = true;
  const bar = document.createElement('div');
  bar.className = 'offline-update';
  bar.setAttribute('role', 'status');
  bar.dataset['offlineUpdate'] = '';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('offline.update');
  button.addEventListener('click', () => {
    button.disabled = true;
    worker.postMessage({ type: 'SKIP_WAITING' });
  });
  bar.append(button);
  document.body.append(bar);
}
