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

/** The server integration calls this once it knows the player's assignments. */
export function setAssignmentProvider(p: AssignmentProvider): void {
  provider = p;
}

export function assignmentFor(scenarioId: string): AssignmentMarker | null {
  try {
    return provider(scenarioId);
  } catch {
    return null;
  }
}
