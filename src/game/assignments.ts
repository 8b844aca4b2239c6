// Hook for trainer assignments. The select screen asks `assignmentFor(id)` for each card and shows an
// "Assigned" or "Overdue" marker. Offline (and until the server integration registers a provider)
// nothing is assigned.
export interface AssignmentMarker {
  /** Shown on the card, e.g. "Due Friday". */
  label: string;
  overdue: boolean;
  dueAt?: string;
}

export type AssignmentProvider = (scenarioId: string) => AssignmentMarker | null;

let provider: AssignmentProvider = () => null;
const listeners = new Set<() => void>();

/**
 * The server integration calls this once it knows the player's assignments (and again when they
 * change); a select screen on show redraws its markers.
 */
export function setAssignmentProvider(p: AssignmentProvider): void {
  provider = p;
  for (const l of listeners) l();
}

export function onAssignmentsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function assignmentFor(scenarioId: string): AssignmentMarker | null {
  try {
    return provider(scenarioId);
  } catch {
    return null;
  }
}
