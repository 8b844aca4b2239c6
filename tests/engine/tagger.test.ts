import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_REPLY_CHARS } from '../../src/engine/tagger/check.ts';
import { evaluate } from '../../src/engine/tagger/evaluate.ts';
import { parseExamples } from '../../src/engine/tagger/model.ts';
import { createTagger, type TagResult } from '../../src/engine/tagger/tagger.ts';

const tagger = createTagger();
function moves(text: string): string[] {
  const r: TagResult = tagger.tag(text);
  if (!r.ok) throw new Error(`refused "${text}": ${r.message}`);
  return [...r.moves].sort();
}

describe('tagger: negation', () => {
  it('"I\'m not blaming anyone" is not blame', () => {
    expect(moves("I'm not blaming anyone, we let you down.")).not.toContain('blame-other');
    expect(moves("I'm not blaming anyone, we let you down.")).toContain('own-it');
  });

  it('"it\'s not a big deal" is dismissing', () => {
    expect(moves("it's not a big deal")).toEqual(['dismiss']);
    expect(moves('Honestly, this is not a big deal at all.')).toContain('dismiss');
  });

  it('"not your fault" owns it rather than blaming the customer', () => {
    const m = moves("That's not your fault in any way.");
    expect(m).not.toContain('blame-other');
    expect(m).toContain('own-it');
  });

  it('"you gave us the wrong address" does blame the customer', () => {
    expect(moves('You gave us the wrong address though.')).toContain('blame-other');
  });
});

describe('tagger: several moves in one reply', () => {
  it('apology, fix and a stated follow-up', () => {
    expect(moves("I'm so sorry. I've booked the engineer for eight tomorrow and I'll call you at noon to check.")).toEqual(['apologize', 'fix', 'promise-followup']);
  });

  it('"sorry, but" with a reason is an apology and an excuse', () => {
    expect(moves("Sorry, but we're really short-staffed this week.")).toEqual(['apologize', 'excuse']);
  });

  it('gives a confidence between 0 and 1 for every move it makes', () => {
    const r = tagger.tag('That sounds awful, I am sorry. I can refund you now or send a new one tomorrow.');
    if (!r.ok) throw new Error(r.message);
    expect(r.moves.length).toBeGreaterThanOrEqual(2);
    for (const m of r.moves) {
      expect(r.confidence[m]).toBeGreaterThan(0);
      expect(r.confidence[m]).toBeLessThanOrEqual(1);
    }
  });

  it('copes with chat spelling and typos', () => {
    expect(moves('soz, ill ring u tomorow at 10 to check')).toEqual(['apologize', 'promise-followup']);
  });
});

describe('tagger: input it will not guess at', () => {
  it('empty and blank input asks for a reply', () => {
    for (const text of ['', '   \n ']) {
      const r = tagger.tag(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r).toMatchObject({ reason: 'empty', message: expect.stringMatching(/type a reply/i) });
    }
  });

  it('very long input says how long it may be', () => {
    const r = tagger.tag('I am so sorry about this. '.repeat(40));
    expect(r).toMatchObject({ ok: false, reason: 'too-long' });
    if (!r.ok) expect(r.message).toContain(String(MAX_REPLY_CHARS));
  });

  it('non-English input is refused with a message in English', () => {
    for (const text of ['Es tut mir leid, das ist nicht in Ordnung und wir sind schuld.', 'Lo siento mucho, no es culpa suya y lo vamos a arreglar.', '非常抱歉，这是我们的错。', 'Простите, это наша ошибка.']) {
      const r = tagger.tag(text);
      expect(r, text).toMatchObject({ ok: false, reason: 'not-english' });
    }
  });

  it('English with a name or a place in it is still English', () => {
    expect(moves('So sorry, Señor García - I have refunded the São Paulo booking.')).toEqual(['apologize', 'fix']);
  });
});

describe("tagger: a team's labelled replies", () => {
  it('a close match to a team example takes its moves; the shipped model decides otherwise', () => {
    const text = 'Right, I am flagging this to the duty manager as a priority one.';
    const team = createTagger({ team: [{ text: 'I am flagging this to the duty manager as priority one', moves: ['fix'] }] });
    const r = team.tag(text);
    expect(r).toMatchObject({ ok: true, moves: ['fix'], source: 'team' });
    expect(team.tag('I am so sorry about the wait.')).toMatchObject({ ok: true, source: 'model', moves: ['apologize'] });
  });
});

describe('tagger: the held-out set', () => {
  it('reaches micro-F1 >= 0.85 on tests/fixtures/tagger-heldout.tsv (never trained on)', () => {
    const examples = parseExamples(readFileSync('tests/fixtures/tagger-heldout.tsv', 'utf8'));
    expect(examples.length).toBeGreaterThanOrEqual(150);
    const r = evaluate(tagger, examples);
    expect(r.refused).toBe(0);
    expect(r.micro.f1).toBeGreaterThanOrEqual(0.85);
  });
});
