import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { cli, tempDir } from './support.ts';

const xsd = XsdValidator.fromDoc(XmlDocument.fromString(readFileSync(new URL('../fixtures/lms/CourseStructure.xsd', import.meta.url), 'utf8')));

describe('export', () => {
  it('writes a cmi5 course with one AU per scenario that validates against the XSD', async () => {
    const out = join(tempDir(), 'course.zip');
    const r = await cli(['export', 'cmi5', 'trophy-room', 'hold-line', '--base-url', 'https://training.example.com/', '--out', out, '--move-on', 'Passed', '--pass-mark', '80']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(out))['cmi5.xml']);
    const doc = XmlDocument.fromString(xml);
    expect(() => xsd.validate(doc)).not.toThrow();
    doc.dispose();
    expect(xml.match(/<au /g)).toHaveLength(2);
    expect(xml).toContain('moveOn="Passed" masteryScore="0.8"');
    expect(xml).toContain('<url>https://training.example.com/?lms=cmi5&amp;scenario=hold-line</url>');
  });

  it('writes a SCORM 1.2 package for one scenario and refuses two', async () => {
    const dir = tempDir();
    const ok = await cli(['export', 'scorm12', 'trophy-room', '--base-url', 'http://127.0.0.1:3000', '--out', join(dir, 'sco.zip')]);
    expect(ok.code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(join(dir, 'sco.zip')))).sort()).toEqual(['imsmanifest.xml', 'index.html']);
    const two = await cli(['export', 'scorm12', 'trophy-room', 'hold-line', '--base-url', 'http://127.0.0.1:3000', '--out', join(dir, 'x.zip')]);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/one scenario/);
  });

  it('says what is missing: base URL, unknown scenario, bad moveOn', async () => {
    const dir = tempDir();
    expect((await cli(['export', 'cmi5', 'trophy-room', '--out', join(dir, 'a.zip')])).stderr).toMatch(/--base-url is required/);
    expect((await cli(['export', 'cmi5', 'no-such', '--base-url', 'https://x.example', '--out', join(dir, 'a.zip')])).code).toBe(1);
    expect((await cli(['export', 'cmi5', 'trophy-room', '--base-url', 'https://x.example', '--out', join(dir, 'a.zip'), '--move-on', 'Soon'])).stderr).toMatch(/--move-on must be one of/);
  });
});
