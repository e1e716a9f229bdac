// The kernel's watchdog: a worker of a few lines, started by the kernel worker, that answers every
// ping on the port it is handed. It lives exactly as long as the kernel (a worker's workers end with
// it) but on its own thread, so the page can tell a kernel that is busy in a long synchronous cell
// (the watchdog still answers) from one that is gone (it does not). See client.ts.

/** The watchdog's whole program; a Blob URL, so it needs no file of its own in the build. */
const SOURCE = 'onmessage = (e) => { const p = e.data; p.onmessage = () => p.postMessage(0); };';

/** Starts the watchdog on `port`; false when this browser cannot start a worker from a worker. */
export function startWatchdog(port: MessagePort): boolean {
  try {
    const url = URL.createObjectURL(new Blob([SOURCE], { type: 'text/javascript' }));
    const dog = new Worker(url);
    dog.postMessage(port, [port]);
    return true;
  } catch {
    // The page only arms its deadline after a first answer, so no watchdog means no false alarm.
    return false;
  }
}
