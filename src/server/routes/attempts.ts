// Attempts: the client sends the events it played; the server replays them through the same engine
// and stores the score it computes. Nothing the client says about its score is read.
import type { FastifyInstance } from 'fastify';
import type { Library } from '../../engine/files.ts';
import { replay } from '../../engine/replay.ts';
import type { Scenario } from '../../engine/schema.ts';
import { isSeed, MAX_SEED } from '../../engine/shuffle.ts';
import { buildTranscript, type ReportLike } from '../../engine/transcript.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import { isFor } from '../domain/assignments.ts';
import type { Assignment, StoredAttempt, StoredEvent } from '../store/index.ts';
import { signedIn } from '../plugins/auth.ts';
import { StudioStore } from '../store/studio.ts';
import { loadVersionsOf, playedVersion, scenarioOf } from '../domain/versions.ts';
import { bigId, id, object, scenarioId } from './schemas.ts';
import { OwnWordsStore } from '../store/own-words.ts';
import { MAX_TYPED_CHARS, type OwnWordsTurn } from '../../shared/own-words.ts';

export const MAX_EVENTS = 200;
export const MAX_ATTEMPT_BODY = 256 * 1024;

const eventSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string', enum: ['player.choose', 'customer.patienceExpired'] },
    choice: { type: 'string', minLength: 1, maxLength: 100 },
    seconds: { type: 'number', minimum: 0, maximum: 86_400 },
  },
} as const;

const ownWordsSchema = {
  type: 'array',
  maxItems: MAX_EVENTS,
  items: object(
    {
      turn: { type: 'integer', minimum: 0, maximum: MAX_EVENTS },
      typed: { type: 'string', minLength: 1, maxLength: MAX_TYPED_CHARS },
      suggested: { type: 'string', minLength: 1, maxLength: 100 },
      choice: { type: 'string', minLength: 1, maxLength: 100 },
      corrected: { type: 'boolean' },
      unsure: { type: 'boolean' },
    },
    ['turn', 'typed', 'suggested', 'choice', 'corrected'],
  ),
} as const;

/** Typed replies must belong to the turns they name: the confirmed reply is that turn's choice. */
function ownWordsMismatch(turns: readonly OwnWordsTurn[], events: readonly StoredEvent[]): string | null {
  const seen = new Set<number>();
  for (const t of turns) {
    const e = events[t.turn];
    if (!e || e.type !== 'player.choose' || e.choice !== t.choice) return `ownWords: turn ${t.turn} was not the reply "${t.choice}"`;
    if (seen.has(t.turn)) return `ownWords: turn ${t.turn} is listed twice`;
    if (t.corrected !== (t.suggested !== t.choice)) return `ownWords: turn ${t.turn}: corrected must say whether the confirmed reply differs from the suggested one`;
    seen.add(t.turn);
  }
  return null;
}

const attemptBody = object(
  {
    scenarioId,
    events: { type: 'array', minItems: 1, maxItems: MAX_EVENTS, items: eventSchema },
    clientAttemptId: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$' },
    assignmentId: { anyOf: [id, { type: 'null' }] },
    // Checked strictly before validation too (seedIsStrict): Ajv's type coercion would take "12" or true.
    seed: { type: 'integer', minimum: 0, maximum: MAX_SEED },
    /** The version of an uploaded or studio scenario the game played (domain/versions.ts). */
    scenarioVersion: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    /** Own-words mode: the typed replies, stored for the trainer; the score uses the events only. */
    ownWords: ownWordsSchema,
  },
  ['scenarioId', 'events', 'clientAttemptId'],
);

/**
 * The reply-order seed, if sent, must be a JSON integer from 0 to 4294967295: not a string, a
 * fraction, a boolean or null. Runs before the schema, whose coercion would turn "12" into 12.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- a Fastify hook is either async or takes done()
async function seedIsStrict(request: { body: unknown }): Promise<void> {
  const body = request.body;
  if (!body || typeof body !== 'object' || !('seed' in body)) return;
  const seed = body.seed;
  if (!isSeed(seed)) throw badRequest(`body.seed must be an integer from 0 to ${MAX_SEED}`);
}

interface AttemptBody {
  scenarioId: string;
  events: StoredEvent[];
  clientAttemptId: string;
  assignmentId?: number | null;
  seed?: number;
  scenarioVersion?: number;
  ownWords?: OwnWordsTurn[];
}

/** Only the fields the engine reads, in a fixed shape: what is stored and compared on a retry. */
function normalizeEvents(events: StoredEvent[]): StoredEvent[] {
  return events.map((e) =>
    e.type === 'player.choose' ? { type: e.type, choice: e.choice, seconds: e.seconds } : { type: e.type },
  );
}

function sameEvents(a: StoredEvent[], b: StoredEvent[]): boolean {
  return a.length === b.length && a.every((e, i) => e.type === b[i].type && e.choice === b[i].choice && e.seconds === b[i].seconds);
}

export function attemptSummaryJson(a: StoredAttempt) {
  return {
    id: a.id,
    userId: a.userId,
    scenarioId: a.scenarioId,
    assignmentId: a.assignmentId,
    clientAttemptId: a.clientAttemptId,
    createdAt: a.createdAt,
    seed: a.seed,
    scenarioVersion: a.scenarioVersion,
    score: a.overall,
    empathy: a.empathy,
    ownership: a.ownership,
    timing: a.timing,
    passed: a.passed,
    outcome: a.outcome,
    satisfaction: a.satisfaction,
  };
}

/**
 * The conversation as text: what the customer said, what the player answered and how fast. The API's
 * rows leave out the patience and the feedback (the report next to it has both); null without the scenario.
 */
export function transcriptOf(s: Scenario | undefined, report: ReportLike, seed?: number | null) {
  if (!s) return null;
  const { rows, ending } = buildTranscript(s, report, seed);
  return { turns: rows.map(({ patience: _patience, feedback: _feedback, ...row }) => row), ending };
}

/** The stored attempt with its report: what POST /api/attempts answers. */
export function attemptWithReportJson(a: StoredAttempt) {
  return { ...attemptSummaryJson(a), report: a.report };
}

/** Everything about one attempt, with the transcript: GET /api/attempts/:id. */
export function attemptJson(a: StoredAttempt, library: Library) {
  return {
    ...attemptWithReportJson(a),
    events: a.events,
    transcript: transcriptOf(scenarioOf(library, a), a.report ?? {}, a.seed),
  };
}

export function registerAttemptRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, library } = ctx;
  const studio = new StudioStore(store.db);
  const ownWords = new OwnWordsStore(store.db);

  app.post<{ Body: AttemptBody }>(
    '/api/attempts',
    { bodyLimit: MAX_ATTEMPT_BODY, config: { auth: 'user' }, schema: { body: attemptBody }, preValidation: seedIsStrict },
    async (request, reply) => {
      const user = signedIn(request);
      const body = request.body;
      const played = await playedVersion(library, studio, body.scenarioId, body.scenarioVersion);
      if (!played) throw unprocessable(`no scenario "${body.scenarioId}"`);
      const scenario = played.scenario;

      let assignment: Assignment | null = null;
      if (body.assignmentId != null) {
        assignment = await store.assignmentById(body.assignmentId);
        if (!assignment) throw notFound(`no assignment ${body.assignmentId}`);
        if (user.role !== 'trainee' || user.teamId !== assignment.teamId) throw forbidden('this assignment is for another team');
        // An assignment may be set for chosen trainees of the team only.
        const chosen = (await ctx.trainerStore.traineesOf([assignment.id])).get(assignment.id);
        if (!isFor(chosen, user.id)) throw forbidden('this assignment was set for other trainees in your team');
        if (assignment.scenarioId !== body.scenarioId) {
          throw unprocessable(`assignment ${assignment.id} is for scenario "${assignment.scenarioId}", not "${body.scenarioId}"`);
        }
      }

      const events = normalizeEvents(body.events);
      const result = replay(scenario, events, assignment ? { passMark: assignment.passMark } : {});
      if (!result.ok) throw unprocessable(`event ${result.index + 1}: ${result.reason}`, { eventIndex: result.index });
      if (!result.ended) {
        throw unprocessable(`the conversation did not reach an ending (it stopped at "${result.state}"); only finished conversations are scored`);
      }

      const typed = body.ownWords ?? [];
      const mismatch = ownWordsMismatch(typed, events);
      if (mismatch) throw unprocessable(mismatch);

      const { report } = result;
      const stored = await store.recordAttempt({
        userId: user.id,
        scenarioId: scenario.id,
        clientAttemptId: body.clientAttemptId,
        events,
        seed: body.seed ?? null,
        scenarioVersion: played.version,
        report: { ...report },
        assignment: assignment ? { id: assignment.id, maxAttempts: assignment.maxAttempts } : undefined,
      });
      if (stored.kind === 'max-attempts') {
        throw conflict(`all ${stored.maxAttempts} attempts allowed for assignment ${assignment?.id} are used`, { maxAttempts: stored.maxAttempts });
      }
      if (stored.kind === 'existing') {
        const a = stored.attempt;
        if (a.scenarioId !== scenario.id || !sameEvents(a.events ?? [], events) || a.assignmentId !== (assignment?.id ?? null) || a.seed !== (body.seed ?? null) || a.scenarioVersion !== played.version) {
          throw conflict(`clientAttemptId "${body.clientAttemptId}" was already used for a different attempt (${a.id})`);
        }
        reply.code(200);
        return attemptWithReportJson(a);
      }
      if (typed.length) await ownWords.save(stored.attempt.id, typed);
      // After the commit; a crash before this line leaves the attempt to the outbox's sweep.
      await ctx.xapi?.enqueue(stored.attempt.id).catch((e: unknown) => request.log.warn(`xAPI enqueue of attempt ${stored.attempt.id} deferred: ${(e as Error).message}`));
      reply.code(201);
      return attemptWithReportJson(stored.attempt);
    },
  );

  app.get<{ Querystring: { limit: number; before?: number; scenario?: string; assignmentId?: number } }>(
    '/api/me/attempts',
    {
      config: { auth: 'user' },
      schema: {
        querystring: object({ limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, before: bigId, scenario: scenarioId, assignmentId: id }),
      },
    },
    async (request) => {
      const user = signedIn(request);
      const q = request.query;
      const rows = await store.attemptsOfUser(user.id, { limit: q.limit, before: q.before, scenarioId: q.scenario, assignmentId: q.assignmentId });
      return { attempts: rows.map(attemptSummaryJson) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/attempts/:id',
    { config: { auth: 'user' }, schema: { params: object({ id: bigId }, ['id']) } },
    async (request) => {
      const user = signedIn(request);
      const a = await store.attemptById(request.params.id);
      if (!a) throw notFound(`no attempt ${request.params.id}`);
      const isOwner = a.userId === user.id;
      const isTrainer = user.role === 'trainer' && a.ownerTrainerId === user.id;
      if (!isOwner && !isTrainer) throw forbidden('this attempt belongs to someone else');
      await loadVersionsOf(library, studio, [a]);
      const typed = (await ownWords.of([a.id])).get(a.id);
      return { ...attemptJson(a, library), userName: a.ownerName, ...(typed ? { ownWords: typed } : {}) };
    },
  );
}
