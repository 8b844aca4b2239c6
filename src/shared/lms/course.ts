// cmi5 course structure (cmi5.xml, spec section 13): one AU per scenario, launching this server's
// game in LMS mode, masteryScore from the pass mark, moveOn configurable.
import type { Scenario } from '../../engine/schema.ts';
import { effectivePassMark } from '../../engine/report.ts';

export const COURSE_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
export const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] as const;
export type MoveOn = (typeof MOVE_ON)[number];

export interface CourseUnit {
  scenario: Pick<Scenario, 'id' | 'title' | 'briefing'>;
  /** The pass mark (0-100) the AU's masteryScore comes from. */
  passMark: number;
}

export interface CourseOptions {
  /** The server's public base URL, e.g. https://training.example.com */
  baseUrl: string;
  moveOn?: MoveOn;
  title?: string;
  lang?: string;
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** The publisher id of a scenario's AU and of the course. */
export function auId(baseUrl: string, scenarioId: string): string {
  return `${trimBase(baseUrl)}/lms/au/${encodeURIComponent(scenarioId)}`;
}

export function courseId(baseUrl: string, ids: readonly string[]): string {
  return `${trimBase(baseUrl)}/lms/course/${ids.map(encodeURIComponent).join('+')}`;
}

/** Where the LMS launches an AU: the game in cmi5 mode for that scenario (the LMS adds its parameters). */
export function auLaunchUrl(baseUrl: string, scenarioId: string): string {
  return `${trimBase(baseUrl)}/?lms=cmi5&scenario=${encodeURIComponent(scenarioId)}`;
}

/** 0-1 with at most 4 decimals, as the course structure asks. */
export function masteryScoreOf(passMark: number): number {
  return Math.round(effectivePassMark(passMark) * 100) / 10000;
}

function text(tag: string, value: string, lang: string, indent: string): string {
  return `${indent}<${tag}><langstring lang="${xmlEscape(lang)}">${xmlEscape(value)}</langstring></${tag}>`;
}

export function courseStructureXml(units: readonly CourseUnit[], options: CourseOptions): string {
  if (units.length === 0) throw new Error('a course needs at least one scenario');
  const lang = options.lang ?? 'en-US';
  const moveOn = options.moveOn ?? 'CompletedAndPassed';
  const title = options.title ?? (units.length === 1 ? units[0].scenario.title : `Make It Right: ${units.length} scenarios`);
  const description = units.length === 1 ? units[0].scenario.briefing.goal : units.map((u) => u.scenario.title).join('; ');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<courseStructure xmlns="${COURSE_NAMESPACE}">`,
    `  <course id="${xmlEscape(courseId(options.baseUrl, units.map((u) => u.scenario.id)))}">`,
    text('title', title, lang, '    '),
    text('description', description, lang, '    '),
    '  </course>',
  ];
  for (const u of units) {
    lines.push(
      `  <au id="${xmlEscape(auId(options.baseUrl, u.scenario.id))}" moveOn="${moveOn}" masteryScore="${masteryScoreOf(u.passMark)}" launchMethod="AnyWindow">`,
      text('title', u.scenario.title, lang, '    '),
      text('description', `${u.scenario.briefing.who} ${u.scenario.briefing.goal}`, lang, '    '),
      `    <url>${xmlEscape(auLaunchUrl(options.baseUrl, u.scenario.id))}</url>`,
      '  </au>',
    );
  }
  lines.push('</courseStructure>', '');
  return lines.join('\n');
}
