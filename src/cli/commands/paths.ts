// paths <id> | --all: every route through a scenario, with score ranges, outcomes, best and worst.
import { summarizeRoutes, DEFAULT_ROUTE_LIMIT, type Route, type RouteSummary } from '../../engine/routes.ts';
import { games, longestOnRoute, measureGameability, type Gameability } from '../../engine/gameability.ts';
import type { Scenario } from '../../engine/schema.ts';
import { parse } from '../args.ts';
import { CliError, type CliContext, type Command } from '../command.ts';
import { loadAll, loadOne } from '../scenarios.ts';
import { painter, table } from '../style.ts';

const usage = 'paths <id|file> [--json] [--limit n] | paths --all [--json]';
const KEYS = ['empathy', 'ownership', 'timing', 'overall'] as const;

function routeJson(r: Route) {
  const { report } = r;
  return {
    steps: r.steps,
    events: r.events,
    empathy: report.empathy,
    ownership: report.ownership,
    timing: report.timing,
    overall: report.overall,
    passed: report.passed,
    satisfaction: report.satisfaction,
    outcome: report.outcome,
    ending: report.ending,
  };
}

export function summaryJson(sum: RouteSummary, gameability?: Gameability, s?: Scenario) {
  return {
    scenarioId: sum.scenarioId,
    count: sum.count,
    truncated: sum.truncated,
    outcomes: sum.outcomes,
    endings: sum.endings,
    ...(gameability ? { gameability: { ...gameability, gameable: gameability.strategies.some(games) } } : {}),
    ...(s ? { longestIsBest: longestOnRoute(s, sum.best.steps) } : {}),
    min: sum.min,
    max: sum.max,
    best: routeJson(sum.best),
    worst: routeJson(sum.worst),
  };
}

function summarize(s: Scenario, limit: number): RouteSummary {
  const sum = summarizeRoutes(s, limit);
  if (!sum) throw new CliError(`${s.id}: no route reaches an ending (run lint)`);
  return sum;
}

function printSummary(s: Scenario, sum: RouteSummary, g: Gameability, ctx: CliContext): void {
  const paint = painter(ctx.color);
  ctx.out(`${paint(s.id, 'bold')}  ${s.title}`);
  const routes = `${sum.count}${sum.truncated ? ' (stopped at the limit)' : ''}`;
  const outcomes = Object.entries(sum.outcomes).map(([o, n]) => `${o} ${n}`).join(', ');
  ctx.out(table([['routes', routes], ['outcomes', outcomes]]).join('\n'));
  ctx.out();
  ctx.out(table([['', 'min', 'max'], ...KEYS.map((k) => [k, sum.min[k], sum.max[k]])]).join('\n'));
  ctx.out();
  for (const [label, r] of [['best', sum.best], ['worst', sum.worst]] as const) {
    const { report } = r;
    const scores = KEYS.map((k) => `${k} ${report[k]}`).join(', ');
    ctx.out(`  ${paint(label.padEnd(5), label === 'best' ? 'green' : 'red')}  ${scores}; ${report.outcome} (${report.ending}), satisfaction ${report.satisfaction}`);
    ctx.out(`         ${paint(r.steps.join(' → '), 'dim')}`);
  }
  ctx.out();
  ctx.out(`  ${paint('endings', 'bold')}  ${Object.entries(sum.endings).map(([id, n]) => `${id} ${n}`).join(', ')}`);
  ctx.out(`  ${paint('blind play', 'bold')} (shuffled replies; mean overall, pass rate)`);
  ctx.out(
    table(g.strategies.map((f) => [`  ${f.label}`, f.mean, `${Math.round(f.passRate * 100)}%`, games(f) ? paint('games it', 'red') : paint('ok', 'green')])).join('\n'),
  );
  const lb = longestOnRoute(s, sum.best.steps);
  ctx.out(`  best reply is also the longest at ${lb.longest} of ${lb.decisions} decisions on the best route`);
}

export const paths: Command = {
  name: 'paths',
  usage,
  summary: 'walk every route of a scenario: score ranges, outcomes, routes per ending, best and worst route, blind strategies\' scores',
  details: [`--limit n   stop after n routes (default ${DEFAULT_ROUTE_LIMIT})`, '--all       every scenario in scenarios/ (--json prints an array)'],
  run(args, ctx) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, all: { type: 'boolean' }, limit: { type: 'string' } }, usage);
    const limit = values.limit === undefined ? DEFAULT_ROUTE_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit must be a whole number above 0, not "${values.limit}"`);
    if (values.all ? positionals.length > 0 : positionals.length !== 1) throw new CliError(`usage: ${usage}`);

    let scenarios: Scenario[];
    let errors: string[] = [];
    if (values.all) ({ scenarios, errors } = loadAll());
    else scenarios = [loadOne(positionals[0])];

    const sums = scenarios.map((s) => ({ s, sum: summarize(s, limit), g: measureGameability(s) }));
    if (values.json) {
      const json = sums.map(({ s, sum, g }) => summaryJson(sum, g, s));
      ctx.out(JSON.stringify(values.all ? json : json[0], null, 2));
    } else {
      sums.forEach(({ s, sum, g }, i) => {
        if (i > 0) ctx.out();
        printSummary(s, sum, g, ctx);
      });
    }
    for (const e of errors) ctx.err(e);
    if (errors.length) ctx.err(`${errors.length} problem(s) kept some scenarios out; run lint`);
    return errors.length ? 1 : 0;
  },
};
