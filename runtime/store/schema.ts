import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Kysely's view of the tables the migrations create. int8 arrives as number, numeric as string. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type Role = 'viewer' | 'analyst' | 'approver' | 'admin';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp;
}

export interface DatasetColumn {
  readonly name: string;
  readonly type: string;
}

export interface DatasetsTable {
  id: Generated<string>;
  name: string;
  sha256: string;
  size_bytes: number;
  format: string;
  row_count: number;
  columns: Json<DatasetColumn[]>;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export interface TemplatesTable {
  id: Generated<string>;
  name: string;
  kind: string;
  description: Generated<string>;
  origin: Generated<'user' | 'shipped'>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  deleted_at: Timestamp | null;
}

export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'active' | 'rejected';

export interface TemplateVersionsTable {
  id: Generated<string>;
  template_id: string;
  version: number;
  status: Generated<VersionStatus>;
  document: Json<unknown>;
  content_hash: string;
  message: Generated<string>;
  author_id: string | null;
  created_at: CreatedAt;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
  submitted_at: Timestamp | null;
  activated_at: Timestamp | null;
  activated_by: string | null;
}

/** One person's autosaved, unversioned edits of a template. */
export interface TemplateWorkingDraftsTable {
  template_id: string;
  user_id: string;
  document: Json<unknown>;
  base_version_id: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface RunsTable {
  id: Generated<string>;
  template_version_id: string | null;
  template_hash: string | null;
  kind: string;
  status: Generated<RunStatus>;
  business_date: string;
  inputs: Json<unknown[]>;
  summary: Json<unknown> | null;
  error: string | null;
  started_by: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** Touched while a process works on the run; a stale heartbeat means that process died. */
  heartbeat_at: Timestamp | null;
}

export type BreakKind = 'only-left' | 'only-right' | 'field' | 'duplicate' | 'ambiguous' | 'aggregate';

export interface BreaksTable {
  id: Generated<number>;
  run_id: string;
  kind: BreakKind;
  key: Json<unknown>;
  fields: Json<unknown[]>;
  severity: string;
  cluster: string | null;
  lineage: Json<unknown>;
  status: Generated<'open' | 'assigned' | 'resolved'>;
  assignee_id: string | null;
  reason: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** The run's sources in authoritative order, and those lacking the row. */
  sources: Json<string[]>;
  missing: Json<string[]>;
  suggestions: Json<unknown[]>;
  /** Fields outside tolerance: the review grid's field filter and facet. */
  field_names: ColumnType<string[], string[] | undefined, string[]>;
  /** The key values joined, for search. */
  key_text: Generated<string>;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

export interface BreakCommentsTable {
  id: Generated<number>;
  break_id: number;
  author_id: string | null;
  body: string;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  seq: number;
  ts: CreatedAt;
  actor: string;
  action: string;
  entity: string;
  summary: Json<unknown>;
  correlation_id: string | null;
  prev_hash: string;
  hash: string;
}

/** Failed sign-ins per key (`email:…`, `ip:…`): rate limiting and temporary lockout. */
export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface Database {
  users: UsersTable;
  auth_throttle: AuthThrottleTable;
  sessions: SessionsTable;
  datasets: DatasetsTable;
  templates: TemplatesTable;
  template_versions: TemplateVersionsTable;
  template_working_drafts: TemplateWorkingDraftsTable;
  runs: RunsTable;
  breaks: BreaksTable;
  break_comments: BreakCommentsTable;
  audit_log: AuditLogTable;
}

export type Dataset = Selectable<DatasetsTable>;
export type NewDataset = Insertable<DatasetsTable>;
export type Template = Selectable<TemplatesTable>;
