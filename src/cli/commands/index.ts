// The command registry: to add a command, add its file and one line here.
import type { Command } from '../command.ts';
import { graph } from './graph.ts';
import { help } from './help.ts';
import { lint } from './lint.ts';
import { paths } from './paths.ts';
import { play } from './play.ts';
import { score } from './score.ts';
import { tag } from './tag.ts';
import { user } from './user.ts';

export const COMMANDS: readonly Command[] = [lint, paths, play, score, tag, graph, help, user];
