// LMS packages and LMS launches.
// - GET /api/trainer/lms/:format/:scenarioId: the cmi5 or SCORM 1.2 zip of a scenario for a trainer's
//   LMS (the dashboard's download button; the CLI's `export` writes the same bytes).
// - POST /api/lms/verify: the game launched from an LMS has no account here; it sends the events it
//   played and gets the score this server computes by replaying them, the only score it reports to
//   the LMS. Nothing is stored; the scenario must be one every visitor may play.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { replay } from '../../engine/replay.ts';
import { DEFAULT_PASS_MARK } from '../../engine/score.ts';
import { MOVE_ON, type MoveOn } from '../../shared/lms/course.ts';
import { cmi5Package, scorm12Package } from '../../shared/lms/package.ts';
import { LMS_VERIFY_PATH, type LmsVerifiedAttempt } from '../../shared/lms/verify.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { MAX_ATTEMPT_BODY, MAX_EVENTS } from './attempts.ts';
import { object, scenarioId } from './schemas.ts';

const FORMATS = ['cmi5', 'scorm12'] as const;
type Format = (typeof FORMATS)[number];

/** The address learners reach this server at: LMS_BASE_URL, else what the request came in on. */
export function publicBaseUrl(request: FastifyRequest, configured = process.env.LMS_BASE_URL): string {
  if (configured) return configured.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

const verifyBody = object(
  {
    scenarioId,
    events: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_EVENTS,
      items: object({ type: { type: 'string', enum: ['player.choose', 'customer.patienceExpired'] }, choice: { type: 'string', minLength: 1, maxLength: 100 }, seconds: { type: 'number', minimum: 0, maximum: 86_400 } }, ['type']),
    },
    passMark: { type: 'integer', minimum: 0, maximum: 100 },
  },
  ['scenarioId', 'events'],
);

export function registerLmsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { library } = ctx;

  app.get<{ Params: { format: Format; scenarioId: string }; Querystring: { moveOn?: MoveOn; passMark?: number } }>(
    '/api/trainer/lms/:format/:scenarioId',
    {
      config: { auth: 'trainer' },
      schema: {
        params: object({ format: { type: 'string', enum: [...FORMATS] }, scenarioId }, ['format', 'scenarioId']),
        querystring: object({ moveOn: { type: 'string', enum: [...MOVE_ON] }, passMark: { type: 'integer', minimum: 0, maximum: 100 } }),
      },
    },
    async (request, reply) => {
      const { format, scenarioId: sid } = request.params;
      const scenario = library.scenarios.get(sid);
      if (!scenario) throw notFound(`no scenario "${sid}"`);
      const unit = { scenario, passMark: request.query.passMark ?? DEFAULT_PASS_MARK };
      const baseUrl = publicBaseUrl(request);
      const zip = format === 'cmi5' ? cmi5Package([unit], { baseUrl, moveOn: request.query.moveOn }) : scorm12Package(unit, baseUrl);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${sid}-${format}.zip"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(zip));
    },
  );

  app.post<{ Body: { scenarioId: string; events: { type: string; choice?: string; seconds?: number }[]; passMark?: number } }>(
    LMS_VERIFY_PATH,
    { bodyLimit: MAX_ATTEMPT_BODY, schema: { body: verifyBody } },
    // eslint-disable-next-line @typescript-eslint/require-await -- a Fastify handler returns a promise or calls reply.send
    async (request): Promise<LmsVerifiedAttempt> => {
      const body = request.body;
      const scenario = library.scenarios.get(body.scenarioId);
      if (!scenario) throw unprocessable(`no scenario "${body.scenarioId}"`);
      const result = replay(scenario, body.events, body.passMark === undefined ? {} : { passMark: body.passMark });
      if (!result.ok) throw unprocessable(`event ${result.index + 1}: ${result.reason}`, { eventIndex: result.index });
      if (!result.ended) throw badRequest(`the conversation did not reach an ending (it stopped at "${result.state}")`);
      const r = result.report;
      return { scenarioId: scenario.id, overall: r.overall, empathy: r.empathy, ownership: r.ownership, timing: r.timing, passed: r.passed, passMark: r.passMark, outcome: r.outcome, turns: r.turns };
    },
  );
}
