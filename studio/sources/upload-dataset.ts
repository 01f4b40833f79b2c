/**
 * Uploading a file as a dataset (POST /api/datasets, the raw bytes as the body), with upload
 * progress: the Data page and the Sources panel both use this one module. XMLHttpRequest rather
 * than fetch because only it reports upload progress in today's browsers.
 */
import type { FindingView } from '../findings/finding-view';

export interface UploadedDataset {
  readonly id: string;
  readonly name: string;
  readonly format: string;
  readonly rowCount: number;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly uploadedAt: string;
}

export type UploadOutcome =
  | { readonly ok: true; readonly dataset: UploadedDataset; readonly findings: readonly FindingView[] }
  | { readonly ok: false; readonly message: string; readonly findings: readonly FindingView[] };

/** Fractions of the bytes sent, 0 to 1; then the server reads the file. */
export type UploadProgress = (fraction: number) => void;

export function uploadDataset({ file, onProgress, signal, url = '/api/datasets' }: {
  file: File; onProgress?: UploadProgress; signal?: AbortSignal; url?: string;
}): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${url}?name=${encodeURIComponent(file.name)}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress?.(e.loaded / e.total); };
    xhr.onload = () => resolve(uploadOutcome({ fileName: file.name, status: xhr.status, body: xhr.responseText }));
    xhr.onerror = () => resolve({ ok: false, message: `Upload of ${file.name} failed: the server could not be reached. Check your connection and try again.`, findings: [] });
    xhr.onabort = () => resolve({ ok: false, message: `Upload of ${file.name} was cancelled.`, findings: [] });
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** What an upload response means for the user: the stored dataset, or why not, with the reader's findings. */
export function uploadOutcome({ fileName, status, body }: { fileName: string; status: number; body: string }): UploadOutcome {
  let parsed: { ok?: boolean; dataset?: UploadedDataset; findings?: FindingView[]; message?: string } | null = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
  const findings = Array.isArray(parsed?.findings) ? parsed.findings : [];
  if (status >= 200 && status < 300 && parsed?.ok && parsed.dataset) return { ok: true, dataset: parsed.dataset, findings };
  if (findings.length) return { ok: false, message: `${fileName} was not stored.`, findings };
  if (status === 401) return { ok: false, message: 'Your session has ended: sign in again, then upload the file.', findings };
  if (status === 403) return { ok: false, message: parsed?.message ?? 'Uploading needs the analyst role. Ask an admin for access.', findings };
  if (status === 413) return { ok: false, message: `${fileName} is larger than the server accepts (MAX_UPLOAD_MB). Split the file or ask an admin to raise the limit.`, findings };
  return { ok: false, message: `Upload of ${fileName} failed (HTTP ${status}). Try again; if it persists, check the server log.`, findings };
}
