/** What a run reports while it works: the stage, and how far it is (bytes while reading, rows after). */
export type RunStage = 'ingest' | 'map' | 'validate' | 'match' | 'write';

export interface RunProgress {
  readonly stage: RunStage;
  /** The source being worked on, when the stage is per source. */
  readonly source?: string;
  readonly unit: 'bytes' | 'rows';
  readonly done: number;
  readonly total: number;
}

export type ProgressListener = (progress: RunProgress) => void;
