// Response schemas: the shapes of src/shared/types.ts as JSON Schema, declared on the routes that
// answer with them. Fastify serializes through them, so a field the contract does not list (a
// password hash, an internal id) never leaves the server, and a missing required one is an error
// here rather than a surprise in the game or the dashboard.

function shape(properties: Record<string, unknown>, required: string[] = Object.keys(properties)) {
  return { type: 'object', properties, required } as const;
}

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const num = { type: 'number' } as const;
const nullable = (t: string) => ({ type: [t, 'null'] }) as const;

/** UserJson */
export const userSchema = shape(
  {
    id: int,
    email: str,
    name: str,
    role: { type: 'string', enum: ['trainer', 'trainee'] },
    teamId: nullable('integer'),
    leaderboardOptOut: bool,
    createdAt: str,
  },
  ['id', 'email', 'name', 'role', 'teamId', 'leaderboardOptOut'],
);

/** TeamJson */
export const teamSchema = shape({ id: int, name: str, inviteCode: str, members: int, createdAt: str }, ['id', 'name', 'createdAt']);

export const teamsResponse = shape({ teams: { type: 'array', items: teamSchema } });

/** What sign-in, setup, joining and /api/me answer: who you are and the teams you see. */
export const meResponse = shape({ user: userSchema, teams: { type: 'array', items: teamSchema } });

export const setupNeededResponse = shape({ needed: bool });

export const preferencesResponse = shape({ leaderboardOptOut: bool });

export const healthResponse = shape({ status: str, storage: str, scenarios: int });

const entry = shape({ rank: int, userId: int, name: str, value: num, attempts: int });

export const leaderboardResponse = shape({
  teamId: int,
  teamName: str,
  scenario: nullable('string'),
  scenarioTitle: nullable('string'),
  period: { type: 'string', enum: ['week', 'all'] },
  weekStart: nullable('string'),
  mode: { type: 'string', enum: ['best', 'average', 'improved'] },
  participation: shape({ played: int, members: int }),
  entries: { type: 'array', items: entry },
  me: {
    anyOf: [
      { type: 'null' },
      shape({ rank: int, userId: int, name: str, value: num, attempts: int, optedOut: bool, played: bool }, ['userId', 'name', 'attempts', 'optedOut', 'played']),
    ],
  },
}, ['teamId', 'teamName', 'scenario', 'scenarioTitle', 'period', 'mode', 'participation', 'entries', 'me']);

export const healthDownResponse = shape({ error: str, message: str, status: str });
