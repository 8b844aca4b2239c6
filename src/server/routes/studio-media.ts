// The voice and art of published studio versions (media/runner.ts), for the game: portraits, voice
// lines and the voice manifest, under studioMediaBase (shared/studio.ts). Anyone who may play the
// scenario may fetch them; versions never change, so browsers may keep them.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors.ts';
import type { ScenarioAccess } from '../store/access.ts';
import type { User } from '../store/index.ts';
import type { StudioStore } from '../store/studio.ts';
import { object, scenarioId } from './schemas.ts';

const params = object(
  {
    id: scenarioId,
    v: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    name: { type: 'string', maxLength: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*\\.(svg|ogg|json)$' },
  },
  ['id', 'v', 'name'],
);

export function registerStudioMediaRoutes(app: FastifyInstance, access: ScenarioAccess, studio: StudioStore): void {
  app.get<{ Params: { id: string; v: number; name: string } }>('/api/studio-media/:id/:v/:name', { config: { auth: 'user' }, schema: { params } }, async (request, reply) => {
    const user = request.user as User;
    const { id, v, name } = request.params;
    const missing = () => notFound(`no ${name} for "${id}" version ${v}`);
    const mayPlay = access.canEdit(await access.ownership(id), user) || (await access.visibleTo(user)).has(id);
    if (!mayPlay) throw missing();
    const version = await studio.version(id, v);
    const file = version && (await studio.mediaFile(version.uploadId, name));
    if (!file) throw missing();
    return reply.header('content-type', file.contentType).header('cache-control', 'private, max-age=31536000, immutable').send(file.data);
  });
}
