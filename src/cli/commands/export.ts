// export cmi5|scorm12 <id…> --base-url URL --out FILE.zip: an LMS package for scenarios.
import { writeFileSync } from 'node:fs';
import { DEFAULT_PASS_MARK } from '../../engine/score.ts';
import { MOVE_ON, type MoveOn } from '../../shared/lms/course.ts';
import { cmi5Package, scorm12Package } from '../../shared/lms/package.ts';
import { parse } from '../args.ts';
import { CliError, type Command } from '../command.ts';
import { loadOne } from '../scenarios.ts';

const usage = 'export cmi5|scorm12 <id|file…> --base-url URL --out FILE.zip [--move-on CompletedAndPassed] [--pass-mark 70]';

function baseUrlOf(value: string | undefined): string {
  if (!value) throw new CliError(`--base-url is required: the address the LMS's learners reach this server at\nusage: ${usage}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--base-url "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError(`--base-url must be http(s), not ${url.protocol}`);
  if (url.search || url.hash) throw new CliError('--base-url takes no query or fragment');
  return url.href.replace(/\/+$/, '');
}

export const exportCommand: Command = {
  name: 'export',
  usage,
  summary: 'write a cmi5 or SCORM 1.2 package (zip) to upload to an LMS',
  details: [
    'cmi5: one AU per scenario; masteryScore from --pass-mark; moveOn from --move-on',
    `      (${MOVE_ON.join(', ')}; default CompletedAndPassed)`,
    'scorm12: exactly one scenario, one SCO; the LMS must reach --base-url from the learner\'s browser',
    'example: export cmi5 trophy-room hold-line --base-url https://training.example.com --out course.zip',
  ],
  run(args, ctx) {
    const { values, positionals } = parse(
      args,
      { 'base-url': { type: 'string' }, out: { type: 'string' }, 'move-on': { type: 'string' }, 'pass-mark': { type: 'string' } },
      usage,
    );
    const [format, ...ids] = positionals;
    if (format !== 'cmi5' && format !== 'scorm12') throw new CliError(`usage: ${usage}`);
    if (ids.length === 0) throw new CliError(`name at least one scenario\nusage: ${usage}`);
    if (!values.out) throw new CliError(`--out FILE.zip is required\nusage: ${usage}`);
    const baseUrl = baseUrlOf(values['base-url']);
    const moveOn = (values['move-on'] ?? 'CompletedAndPassed') as MoveOn;
    if (!MOVE_ON.includes(moveOn)) throw new CliError(`--move-on must be one of ${MOVE_ON.join(', ')}`);
    const passMark = values['pass-mark'] === undefined ? DEFAULT_PASS_MARK : Number(values['pass-mark']);
    if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100) throw new CliError('--pass-mark must be a whole number from 0 to 100');
    const units = ids.map((id) => ({ scenario: loadOne(id), passMark }));
    if (format === 'scorm12' && units.length !== 1) throw new CliError('a SCORM 1.2 package holds one scenario (one SCO); export them one by one');
    const zip = format === 'cmi5' ? cmi5Package(units, { baseUrl, moveOn }) : scorm12Package(units[0], baseUrl);
    writeFileSync(values.out, zip);
    ctx.out(`${values.out}: ${format} package, ${units.length} scenario${units.length === 1 ? '' : 's'}, ${zip.length} bytes`);
    return 0;
  },
};
