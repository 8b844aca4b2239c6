// The JSON the API answers with: one contract for the server (src/server/routes/), the game
// (src/game/api.ts) and the dashboard (src/trainer/). Types only; nothing here runs.
import type { OwnWordsTurn } from './own-words.ts';

/** Where a trainee stands on an assignment. */
export type Status = 'not-started' | 'in-progress' | 'passed' | 'failed' | 'overdue';
export type AssignmentStatus = Status;
/** A trainee an assignment was not set for (it names chosen trainees and not this one). */
export type CellStatus = Status | 'not-assigned';
export type Difficulty = 'easy' | 'medium' | 'hard';
export type OutcomeName = 'won-back' | 'lost' | 'went-public';

export interface UserJson {
  id: number;
  email: string;
  name: string;
  role: 'trainer' | 'trainee';
  teamId: number | null;
  leaderboardOptOut: boolean;
  createdAt?: string;
}

export interface TeamJson {
  id: number;
  name: string;
  inviteCode?: string;
  members?: number;
  createdAt: string;
}

export interface MemberJson {
  id: number;
  name: string;
  email: string;
  attempts: number;
  scenariosPlayed: number;
  lastAttemptAt: string | null;
}

export interface AssignmentJson {
  id: number;
  teamId: number;
  scenarioId: string;
  scenarioTitle: string | null;
  dueAt: string;
  passMark: number;
  maxAttempts: number | null;
  /** null: the whole team; otherwise the chosen trainees' ids. */
  trainees: number[] | null;
  createdAt: string;
  /** Own-words mode for this assignment: the game asks the trainee to type their replies. */
  ownWords: boolean;
}

export interface Skill {
  move: string;
  principle: string;
}

export interface ScoreRange {
  min: number;
  max: number;
}

export interface ScenarioCard {
  id: string;
  title: string;
  difficulty: Difficulty;
  setting: string;
  company: string;
  customerName: string;
  briefing: { who: string; mistake: string; goal: string };
  skills: Skill[];
  routes: number;
  truncated: boolean;
  score: { overall: ScoreRange; empathy: ScoreRange; ownership: ScoreRange; timing: ScoreRange } | null;
  outcomes: Record<string, number>;
  /** How blind play fares under shuffled replies (the lint gate's figures); null when not measured. */
  gameability: GameabilityJson | null;
  source: 'built-in' | 'uploaded';
  uploadedAt: string | null;
  uploadedBy: string | null;
}

export interface StrategyJson {
  id: string;
  label: string;
  plays: number;
  mean: number;
  passRate: number;
}

export interface GameabilityJson {
  strategies: StrategyJson[];
  /** True when any strategy averages over the gate's mean or passes more often than it allows. */
  gameable: boolean;
  maxMean: number;
  maxPassRate: number;
}

export interface ScenarioDetail extends ScenarioCard {
  mermaid: string;
  /** The best-scoring route: choice ids in order, with its score. */
  bestRoute: { steps: string[]; overall: number; outcome: string | null };
  nodes: number;
  endings: number;
}

export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ProgressCell {
  assignmentId: number;
  userId: number;
  status: CellStatus;
  best: number | null;
  attempts: number;
  lastAt: string | null;
}

export interface ProgressJson {
  team: { id: number; name: string };
  assignments: AssignmentJson[];
  trainees: { id: number; name: string; email: string }[];
  cells: ProgressCell[];
  generatedAt: string;
}

export interface FeedbackJson {
  turn: number;
  rule: string;
  dimension: 'empathy' | 'ownership' | 'timing';
  points: number;
  principle: string;
  text: string;
}

export interface TranscriptLine {
  turn: number;
  node: string;
  customer: string | null;
  emotion: string | null;
  choice: string | null;
  player: string | null;
  /** The node's choice ids in the order the trainee saw them; null for attempts stored without a seed. */
  shown: string[] | null;
  /** 1-based place of the chosen reply as shown; null without a seed or at a silence. */
  position: number | null;
  silence: boolean;
  seconds: number;
  /** Seconds the customer would have waited at this turn. */
  patience: number | null;
  moves: string[];
  satisfactionAfter: number;
  feedback: FeedbackJson[];
}

/** The server-verified figures of one attempt (the server replays every attempt). */
export interface AttemptScoresJson {
  score: number;
  empathy: number;
  ownership: number;
  timing: number;
  passed: boolean;
  outcome: string | null;
}

export interface AttemptDetail extends AttemptScoresJson {
  id: number;
  scenarioId: string;
  scenarioTitle: string | null;
  assignmentId: number | null;
  createdAt: string;
  satisfaction: number;
  lines: TranscriptLine[];
  ending: { id: string; outcome: string; line: string; summary: string } | null;
  /** Own-words mode: what the trainee typed at each turn (by index into lines). */
  ownWords?: OwnWordsTurn[];
}

export interface TraineeAttemptsJson {
  trainee: { id: number; name: string; email: string; teamId: number; teamName: string };
  attempts: AttemptDetail[];
  /** True when older attempts exist beyond the ones returned. */
  more: boolean;
}

export interface RuleCount {
  rule: string;
  principle: string;
  dimension: string;
  points: number;
  feedback: string;
  /** How many times it fired, in how many attempts, for how many trainees. */
  count: number;
  attempts: number;
  trainees: number;
}

export interface ChoiceCount {
  id: string | null;
  text: string;
  moves: string[];
  kind: 'good' | 'weak' | 'anti' | 'mixed' | 'silence';
  count: number;
  trainees: number;
  /** Share of the times the decision was reached, 0-1. */
  share: number;
  /** On the best-scoring route through the scenario. */
  best: boolean;
  /** Rubric rules that cost points at the turn this choice was made, most frequent first. */
  costs: { rule: string; principle: string; points: number; count: number }[];
}

export interface Decision {
  node: string;
  line: string;
  emotion: string;
  reached: number;
  choices: ChoiceCount[];
}

export interface MistakesJson {
  team: { id: number; name: string };
  scenario: { id: string; title: string };
  attempts: number;
  trainees: number;
  rules: RuleCount[];
  decisions: Decision[];
}
