// POST /api/lms/verify: what the game sends after an LMS-launched play, and the score the server
// computed by replaying it (the only score the game reports to the LMS).
import type { Turn } from '../../engine/conversation.ts';

export const LMS_VERIFY_PATH = '/api/lms/verify';

export interface LmsVerifyRequest {
  scenarioId: string;
  events: ({ type: 'player.choose'; choice: string; seconds: number } | { type: 'customer.patienceExpired' })[];
  passMark?: number;
}

export interface LmsVerifiedAttempt {
  scenarioId: string;
  overall: number;
  empathy: number;
  ownership: number;
  timing: number;
  passed: boolean;
  passMark: number;
  outcome: string | null;
  turns: Turn[];
}
