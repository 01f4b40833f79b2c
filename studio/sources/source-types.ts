/** What the Sources panel is given: per template source, its settings and its current sample. */
import type { SourceSample } from '$runtime/table/source-sample';

/** An uploaded dataset a source can read (datasets.list). */
export interface DatasetChoice {
  readonly id: string;
  readonly name: string;
  readonly format: string;
  readonly rowCount: number;
}

export interface SourceState {
  /** The template source's name (`left`, `broker`…). */
  readonly name: string;
  /** The template source's format and reader options (TemplateSource.format/options). */
  readonly format: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** The dataset its sample comes from; null until one is picked. */
  readonly datasetId: string | null;
  /** datasets.sample for it with these options; null until fetched. */
  readonly sample: SourceSample | null;
  /** Set while the page re-fetches the sample. */
  readonly loading?: boolean;
  /** Why the sample could not be fetched (network, server), with what to do. */
  readonly error?: string | null;
}
