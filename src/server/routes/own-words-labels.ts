// Labelling typed replies: a trainer lists the replies of their team the tagger was unsure of (or the
// player corrected) and labels them with the moves they make; the game of each trainee of the team
// fetches the labels and hands them to the tagger as team examples.
import type { FastifyInstance } from 'fastify';
import { MOVES } from '../../engine/moves.ts';
import { MAX_LABELS, MAX_TYPED_CHARS, type TeamExamplesJson, type UnsureListJson } from '../../shared/own-words.ts';
import type { ServerContext } from '../context.ts';
import { unprocessable } from '../errors.ts';
import { signedIn } from '../plugins/auth.ts';
import { visibleTeam } from '../domain/teams.ts';
import { OwnWordsLabelStore } from '../store/own-words-labels.ts';
import { object, teamParams } from './schemas.ts';

interface LabelBody {
  typed: string;
  /** Empty: remove the label. */
  moves: string[];
}

const labelBody = object(
  {
    typed: { type: 'string', minLength: 1, maxLength: MAX_TYPED_CHARS, pattern: '\\S' },
    moves: { type: 'array', items: { type: 'string', enum: [...MOVES] }, maxItems: MOVES.length, uniqueItems: true },
  },
  ['typed', 'moves'],
);

export function registerOwnWordsLabelRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  const labels = new OwnWordsLabelStore(store.db);

  app.get<{ Params: { teamId: number } }>(
    '/api/trainer/teams/:teamId/own-words',
    { config: { auth: 'trainer' }, schema: { params: teamParams } },
    async (request): Promise<UnsureListJson> => {
      const team = await visibleTeam(store, signedIn(request), request.params.teamId, false);
      const [version, unsure, labelled] = await Promise.all([labels.version(team.id), labels.unsure(team.id), labels.labels(team.id)]);
      return { version, unsure, labels: labelled };
    },
  );

  app.put<{ Params: { teamId: number }; Body: LabelBody }>(
    '/api/trainer/teams/:teamId/own-words/labels',
    { config: { auth: 'trainer' }, schema: { params: teamParams, body: labelBody } },
    async (request): Promise<{ version: number }> => {
      const user = signedIn(request);
      const team = await visibleTeam(store, user, request.params.teamId, false);
      const b = request.body;
      if (b.moves.length && (await labels.labelCount(team.id)) >= MAX_LABELS && !(await labels.has(team.id, b.typed))) {
        throw unprocessable(`a team keeps at most ${MAX_LABELS} labelled replies; remove some first`);
      }
      return { version: await labels.setLabel(team.id, b.typed, b.moves, user.id) };
    },
  );

  // The signed-in player's team's labels; a player outside a team has none.
  app.get('/api/me/own-words/examples', { config: { auth: 'user' } }, async (request): Promise<TeamExamplesJson> => {
    const user = signedIn(request);
    if (user.role !== 'trainee' || user.teamId == null) return { version: 0, examples: [] };
    const [version, labelled] = await Promise.all([labels.version(user.teamId), labels.labels(user.teamId)]);
    return { version, examples: labelled.map((l) => ({ text: l.typed, moves: l.moves })) };
  });
}
