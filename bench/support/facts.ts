// Figures one section measures and another reports (the server's peak RSS under load is measured by
// the server and leaderboard sections and summed up by the memory section).
export interface ServerMemoryFact {
  label: string;
  peakRss: number;
  rssAfter: number;
}

export const facts = {
  serverMemory: [] as ServerMemoryFact[],
};
