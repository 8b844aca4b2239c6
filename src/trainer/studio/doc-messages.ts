// What the page and the studio's worker say to each other.
import type { DraftCheck } from '../../shared/studio-checks.ts';

export type DocData = Record<string, unknown>;

export type DocJob = { seq: number; data: DocData } | { seq: number; yaml: string };

export interface DocResult {
  seq: number;
  fromData: boolean;
  yaml: string;
  data: DocData | null;
  check: DraftCheck;
}
