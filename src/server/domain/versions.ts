// The scenario an attempt was played on. Built-in scenarios have one version (the file); an uploaded
// or studio scenario has immutable versions (store/studio.ts), and an attempt is replayed, scored and
// shown against the version it names, so editing a scenario never rewrites an old attempt.
import type { Library } from '../../engine/files.ts';
import { parseScenario } from '../../engine/load.ts';
import { scenarioSchema, type Scenario } from '../../engine/schema.ts';
import { unprocessable } from '../errors.ts';
import type { StudioStore, VersionRow } from '../store/studio.ts';

/** Loaded versions per library, keyed "id@version". Versions never change, so they never go stale. */
const loaded = new WeakMap<Library, Map<string, Scenario>>();
const key = (id: string, version: number) => `${id}@${version}`;

function cache(library: Library): Map<string, Scenario> {
  let m = loaded.get(library);
  if (!m) loaded.set(library, (m = new Map<string, Scenario>()));
  return m;
}

/** True for a scenario that came from the database (an upload or a studio publish), not scenarios/. */
export function isStored(library: Library, scenarioId: string): boolean {
  return library.files.get(scenarioId)?.startsWith('uploaded:') ?? false;
}

/** The scenario of a stored version: the JSON kept at publish, else its YAML parsed again. */
export function scenarioOfVersion(v: VersionRow): Scenario | null {
  if (v.scenarioJson) {
    const parsed = scenarioSchema.safeParse(v.scenarioJson);
    if (parsed.success) return parsed.data;
  }
  const again = parseScenario(v.yaml, `${v.scenarioId}.yaml`);
  return again.ok ? again.scenario : null;
}

export function rememberVersion(library: Library, id: string, version: number, s: Scenario): void {
  cache(library).set(key(id, version), s);
}

/** The scenario to show an attempt with: its version when known and loaded, else the current one. */
export function scenarioOf(library: Library, a: { scenarioId: string; scenarioVersion?: number | null }): Scenario | undefined {
  if (a.scenarioVersion != null) {
    const s = cache(library).get(key(a.scenarioId, a.scenarioVersion));
    if (s) return s;
  }
  return library.scenarios.get(a.scenarioId);
}

/** Loads the versions these attempts were played on, so scenarioOf finds them. */
export async function loadVersionsOf(library: Library, studio: StudioStore, attempts: readonly { scenarioId: string; scenarioVersion?: number | null }[]): Promise<void> {
  const m = cache(library);
  const wanted = new Map<string, { id: string; v: number }>();
  for (const a of attempts) {
    if (a.scenarioVersion != null && !m.has(key(a.scenarioId, a.scenarioVersion))) wanted.set(key(a.scenarioId, a.scenarioVersion), { id: a.scenarioId, v: a.scenarioVersion });
  }
  for (const { id, v } of wanted.values()) {
    const row = await studio.version(id, v);
    const s = row && scenarioOfVersion(row);
    if (s) m.set(key(id, v), s);
  }
}

/**
 * The scenario and version an attempt is replayed on: a built-in scenario as it is (no version); a
 * stored one at the version the game played (the newest when it names none). 422 for a version that
 * does not exist.
 */
export async function playedVersion(library: Library, studio: StudioStore, scenarioId: string, requested: number | undefined): Promise<{ scenario: Scenario; version: number | null } | null> {
  const current = library.scenarios.get(scenarioId);
  if (!current) return null;
  if (!isStored(library, scenarioId)) return { scenario: current, version: null };
  const version = requested ?? (await studio.latestVersions([scenarioId])).get(scenarioId);
  if (version == null) return { scenario: current, version: null };
  await loadVersionsOf(library, studio, [{ scenarioId, scenarioVersion: version }]);
  const s = cache(library).get(key(scenarioId, version));
  if (!s) throw unprocessable(`scenario "${scenarioId}" has no version ${version}`);
  return { scenario: s, version };
}
