// Where the game keeps things between visits. The browser's localStorage when it works; an in-memory
// Storage otherwise (private windows, blocked storage) so the game still runs. Tests use MemoryStorage.

/** A real Storage implementation kept in memory. */
export class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.has(String(key)) ? (this.#items.get(String(key)) as string) : null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(String(key));
  }
  setItem(key: string, value: string): void {
    this.#items.set(String(key), String(value));
  }
  [name: string]: unknown;
}

/** localStorage if it can be written to, else a MemoryStorage. */
export function browserStorage(): Storage {
  try {
    const s = globalThis.localStorage;
    const probe = '__mir_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return new MemoryStorage();
  }
}

export function readJson<T>(storage: Storage, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

/** Writes JSON; false when storage is full or refuses. */
export function writeJson(storage: Storage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export const KEYS = {
  settings: 'mir.settings.v1',
  save: 'mir.conversation.v1',
  history: 'mir.history.v1',
} as const;
