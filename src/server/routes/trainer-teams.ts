// Team management for trainers: rename, a fresh invite code, take a member out of the team.
// Listing and creating teams, and the team view with members, are in teams.ts.
import { teamSchema } from './responses.ts';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { TrainerStore } from '../store/trainer.ts';
import { cleanName, id, object, teamName, teamParams } from './schemas.ts';
import { newInviteCode, teamJson, visibleTeam } from '../domain/teams.ts';
import { signedIn } from '../plugins/auth.ts';

export { teamName };

export function registerTrainerTeamRoutes(app: FastifyInstance, ctx: ServerContext, trainerStore: TrainerStore): void {
  const { store } = ctx;

  app.patch<{ Params: { teamId: number }; Body: { name: string } }>(
    '/api/teams/:teamId',
    { config: { auth: 'trainer' }, schema: { params: teamParams, body: object({ name: teamName }, ['name']), response: { 200: teamSchema } } },
    async (request) => {
      const team = await visibleTeam(store, signedIn(request), request.params.teamId, false);
      const renamed = await trainerStore.renameTeam(team.id, cleanName(request.body.name));
      if (!renamed) throw notFound(`no team ${team.id}`);
      return teamJson({ ...renamed, members: await store.memberCount(team.id) }, true);
    },
  );

  // A new code when the old one got around; people who already joined stay in the team.
  app.post<{ Params: { teamId: number } }>(
    '/api/teams/:teamId/invite-code',
    { config: { auth: 'trainer' }, schema: { params: teamParams, response: { 200: teamSchema } } },
    async (request) => {
      const team = await visibleTeam(store, signedIn(request), request.params.teamId, false);
      for (let tries = 0; ; tries++) {
        const code = newInviteCode();
        if (await trainerStore.setInviteCode(team.id, code)) {
          return teamJson({ ...team, inviteCode: code, members: await store.memberCount(team.id) }, true);
        }
        if (tries >= 3) throw new Error('could not find a free invite code');
      }
    },
  );

  app.delete<{ Params: { teamId: number; userId: number } }>(
    '/api/teams/:teamId/members/:userId',
    { config: { auth: 'trainer' }, schema: { params: object({ teamId: id, userId: id }, ['teamId', 'userId']) } },
    async (request, reply) => {
      const team = await visibleTeam(store, signedIn(request), request.params.teamId, false);
      if (!(await trainerStore.removeMember(team.id, request.params.userId))) {
        throw notFound(`user ${request.params.userId} is not a member of this team`);
      }
      return reply.code(204).send();
    },
  );
}
