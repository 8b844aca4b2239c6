// Team leaderboards, read from the per-player aggregates (one row per member), never from the
// attempts table. Top places only and your own place: there is no bottom-of-the-table list.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { unprocessable } from '../errors.ts';
import type { LeaderboardRow, Period } from '../store/index.ts';
import { object, scenarioId, teamParams } from './schemas.ts';
import { leaderboardResponse } from './responses.ts';
import { checkTeamAccess } from '../domain/teams.ts';
import { signedIn } from '../plugins/auth.ts';

export type Mode = 'best' | 'average' | 'improved';

export interface Entry {
  rank: number;
  userId: number;
  name: string;
  value: number;
  attempts: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * best: the best score (without a scenario: the best scores of each scenario, added up);
 * average: the mean score of the first AVERAGE_COUNTS attempts at each scenario in the period (so
 * volume does not move it); improved: best minus the first score of the period.
 */
export function valueOf(mode: Mode, r: LeaderboardRow): number {
  const counted = r.counted ?? r.attempts ?? 0;
  if (mode === 'average') return counted ? round1((r.total ?? 0) / counted) : 0;
  if (mode === 'improved') return (r.best ?? 0) - (r.first ?? 0);
  return r.best ?? 0;
}

/** Standard competition ranking: equal values share a rank and the next rank skips (1, 2, 2, 4). */
export function rank(rows: { userId: number; name: string; value: number; attempts: number }[]): Entry[] {
  const sorted = [...rows].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name) || a.userId - b.userId);
  const out: Entry[] = [];
  sorted.forEach((r, i) => {
    const rankValue = i > 0 && r.value === sorted[i - 1].value ? out[i - 1].rank : i + 1;
    out.push({ rank: rankValue, ...r });
  });
  return out;
}

export function registerLeaderboardRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, library } = ctx;

  app.get<{ Params: { teamId: number }; Querystring: { scenario?: string; period: Period; mode: Mode; limit: number } }>(
    '/api/leaderboards/:teamId',
    {
      config: { auth: 'user' },
      schema: {
        params: teamParams,
        querystring: object({
          scenario: scenarioId,
          period: { type: 'string', enum: ['week', 'all'], default: 'all' },
          mode: { type: 'string', enum: ['best', 'average', 'improved'], default: 'best' },
          limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
        }),
        response: { 200: leaderboardResponse },
      },
    },
    async (request) => {
      const user = signedIn(request);
      const { scenario, period, mode, limit } = request.query;
      // One query reads the team and its board; the access check runs before anything is answered.
      const board = await store.leaderboard(request.params.teamId, { scenarioId: scenario, period });
      const team = checkTeamAccess(board.team, request.params.teamId, user, true);
      if (scenario && !library.scenarios.has(scenario)) throw unprocessable(`no scenario "${scenario}"`);
      const { rows, weekStart } = board;
      const played = rows.filter((r) => (r.attempts ?? 0) > 0);
      const ranked = rank(
        played.filter((r) => !r.optOut).map((r) => ({ userId: r.userId, name: r.name, value: valueOf(mode, r), attempts: r.attempts ?? 0 })),
      );
      const mine = rows.find((r) => r.userId === user.id);
      let me: (Partial<Entry> & { optedOut: boolean; played: boolean }) | null = null;
      if (mine) {
        const entry = ranked.find((e) => e.userId === user.id);
        const hasPlayed = (mine.attempts ?? 0) > 0;
        me = entry
          ? { ...entry, optedOut: false, played: true }
          : { userId: mine.userId, name: mine.name, value: hasPlayed ? valueOf(mode, mine) : undefined, attempts: mine.attempts ?? 0, optedOut: mine.optOut, played: hasPlayed };
      }
      return {
        teamId: team.id,
        teamName: team.name,
        scenario: scenario ?? null,
        scenarioTitle: scenario ? (library.scenarios.get(scenario)?.title ?? null) : null,
        period,
        weekStart,
        mode,
        participation: { played: played.length, members: rows.length },
        entries: ranked.filter((e) => e.rank <= limit),
        me,
      };
    },
  );
}
