// The downloadable packages: a cmi5 zip (cmi5.xml at its root) and a SCORM 1.2 zip
// (imsmanifest.xml + the launch page). Shared by the CLI and the server's download route.
import { strToU8, zipSync } from 'fflate';
import { courseStructureXml, type CourseOptions, type CourseUnit } from './course.ts';
import { imsManifestXml, scormLaunchPage, SCORM_LAUNCH_FILE } from './scorm.ts';

// A fixed date keeps the same export byte-identical.
const MTIME = new Date('2026-01-01T00:00:00Z');

function zip(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime: MTIME }]])), { level: 9 });
}

export function cmi5Package(units: readonly CourseUnit[], options: CourseOptions): Uint8Array {
  return zip({ 'cmi5.xml': courseStructureXml(units, options) });
}

export function scorm12Package(unit: CourseUnit, baseUrl: string): Uint8Array {
  return zip({
    'imsmanifest.xml': imsManifestXml(unit.scenario, baseUrl, unit.passMark),
    [SCORM_LAUNCH_FILE]: scormLaunchPage(unit.scenario, baseUrl),
  });
}
