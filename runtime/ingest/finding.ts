export type { Finding, FindingLocation, Severity } from '../finding';
