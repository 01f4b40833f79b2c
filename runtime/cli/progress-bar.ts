import type { RunProgress } from '../runner/progress';

/** A one-line progress bar on a TTY (stderr); silent when output is piped, so logs stay clean. */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }) {
  if (!stream.isTTY) return { shown: false, update: (_: RunProgress) => {}, note: (_stage: string, _text: string) => {}, done: () => {} };
  let last = 0;
  return {
    /** Whether it shows anything: a caller need not measure progress for a bar nobody sees. */
    shown: true,
    update(p: RunProgress) {
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
      const width = 30;
      const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
      const amount = p.unit === 'bytes' ? `${(p.done / 1048576).toFixed(1)}/${(p.total / 1048576).toFixed(1)} MB` : `${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} rows`;
      stream.write(`\r${p.stage.padEnd(8)} ${(p.source ?? '').slice(0, 16).padEnd(16)} ${bar} ${String(Math.round(ratio * 100)).padStart(3)}% ${amount}\x1b[K`);
    },
    /** A stage with no measure of how far it is: what it works on, until the next line. */
    note(stage: string, text: string) { stream.write(`\r${stage.padEnd(8)} ${text}\x1b[K`); },
    done() { stream.write('\r\x1b[K'); },
  };
}
