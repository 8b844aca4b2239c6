// Scenario files built to be expensive to analyse (the uploads of the hardening review, finding 1).
const HEAD = (id: string) => `id: ${id}
title: Hostile ${id}
setting: chat
difficulty: easy
company: Test Co
customer:
  name: Pat
  persona: voicer
  mood: 30
  patience: 30
briefing:
  who: Pat, who ordered a lamp.
  mistake: The lamp went to the wrong address.
  goal: Pat gets the lamp and feels heard.
start: n1
nodes:
`;

const ENDINGS = `endings:
  won:
    outcome: won-back
    emotion: relieved
    line: Thank you, that is all I wanted.
    summary: Pat got the lamp and felt heard.
  gone:
    outcome: lost
    emotion: furious
    line: I am done with you people.
    summary: Pat left for good.
`;

function node(id: string, choices: { id: string; text: string; moves: string; next: string }[]): string {
  return `  ${id}:
    line: Where is my lamp, ${id}?
    emotion: annoyed
    choices:
${choices.map((c) => `      - id: ${c.id}\n        text: ${c.text}\n        moves: ${c.moves}\n        next: ${c.next}\n`).join('')}`;
}

/**
 * A loop of n nodes, two ways round at each, whose only way out is a branch on `exit` (e.g.
 * "mood >= 101", which can never hold). With moves that only lower the mood, even "mood >= 100" never
 * opens: the route walk then finishes no route, however long it runs.
 */
export function closedLoop(n: number, exit: string, id = 'closed-loop'): string {
  let out = HEAD(id);
  for (let i = 1; i <= n; i++) {
    const next = `n${(i % n) + 1}`;
    out += node(`n${i}`, [
      { id: 'wait', text: 'Parcels go missing sometimes, it happens to everyone.', moves: '[dismiss]', next },
      { id: 'shrug', text: 'There is not much I can do about the courier, sorry.', moves: '[excuse]', next },
      { id: 'try', text: 'Let me see whether anything can still be done today.', moves: '[dismiss]', next: `\n          - { if: "${exit}", to: won }\n          - { to: ${next} }` },
    ]);
  }
  return out + ENDINGS;
}

/** n nodes in a row with two choices each: 2^n routes (the 7 kB file with n = 20). */
export function layers(n: number, id = 'layers'): string {
  let out = HEAD(id);
  for (let i = 1; i <= n; i++) {
    const next = i === n ? 'won' : `n${i + 1}`;
    out += node(`n${i}`, [
      { id: 'sorry', text: 'I am so sorry, Pat, that should never have happened.', moves: '[apologize]', next },
      { id: 'fix', text: 'A new lamp goes out to you today by courier, Pat.', moves: '[fix]', next },
    ]);
  }
  return out + ENDINGS;
}
