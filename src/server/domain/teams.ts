// Teams as the API shows them (invite codes for people) and who may see one.
import { randomInt } from 'node:crypto';
import { forbidden, notFound } from '../errors.ts';
import type { Store, Team, User } from '../store/index.ts';

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** XXXX-XXXX for people; stored without the dash. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function teamJson(t: Team & { members?: number }, withInvite: boolean) {
  return {
    id: t.id,
    name: t.name,
    ...(withInvite ? { inviteCode: displayCode(t.inviteCode) } : {}),
    ...(t.members !== undefined ? { members: t.members } : {}),
    createdAt: t.createdAt,
  };
}

/** The team, when the user may see it: its trainer, or (when allowTrainee) a member. */
export async function visibleTeam(store: Store, user: User, teamId: number, allowTrainee: boolean): Promise<Team> {
  return checkTeamAccess(await store.teamById(teamId), teamId, user, allowTrainee);
}

/** 404 without a team, 403 unless the user is its trainer or (when allowTrainee) a member. */
export function checkTeamAccess(team: Team | null, teamId: number, user: User, allowTrainee: boolean): Team {
  if (!team) throw notFound(`no team ${teamId}`);
  if (user.role === 'trainer' && team.trainerId === user.id) return team;
  if (allowTrainee && user.role === 'trainee' && user.teamId === team.id) return team;
  throw forbidden(user.role === 'trainer' ? 'this team belongs to another trainer' : 'you are not in this team');
}
