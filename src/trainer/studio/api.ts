// The studio's API client (contract: shared/studio.ts).
import { request } from '../api.ts';
import type { StudioCreateBody, StudioDraftSaved, StudioListJson, StudioPublished, StudioScenario } from '../../shared/studio.ts';

const enc = encodeURIComponent;
const base = (id: string) => `/api/trainer/studio/${enc(id)}`;

export const studioApi = {
  list: () => request<StudioListJson>('GET', '/api/trainer/studio').then((r) => r.scenarios),
  create: (body: StudioCreateBody) => request<StudioScenario>('POST', '/api/trainer/studio', body),
  get: (id: string) => request<StudioScenario>('GET', base(id)),
  saveDraft: (id: string, yaml: string, revision: number) => request<StudioDraftSaved>('PUT', `${base(id)}/draft`, { yaml, revision }),
  publish: (id: string) => request<StudioPublished>('POST', `${base(id)}/publish`, {}),
  status: (id: string, action: 'unpublish' | 'archive' | 'restore') => request<StudioScenario>('POST', `${base(id)}/${action}`, {}),
  versionYamlUrl: (id: string, v: number) => `${base(id)}/versions/${v}/yaml`,
  previewUrl: (id: string) => `/?preview=${enc(id)}`,
};
