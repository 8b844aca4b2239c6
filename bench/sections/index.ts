// The benchmark sections, in report order.
import type { SectionResult } from '../lib.ts';
import { bundleSection } from './bundle.ts';
import { engineSection } from './engine.ts';
import { framesSection } from './frames.ts';
import { leaderboardSection } from './leaderboard.ts';
import { loadSection } from './load.ts';
import { memorySection } from './memory.ts';
import { phoneSection } from './phone.ts';
import { serverSection } from './server.ts';
import { startSection } from './start.ts';
import { studioSection } from './studio.ts';
import { taggerSection } from './tagger.ts';

export interface Section {
  id: string;
  run: (quick: boolean) => Promise<SectionResult>;
}

export const sections: Section[] = [
  { id: 'bundle', run: bundleSection },
  { id: 'load', run: loadSection },
  { id: 'phone', run: phoneSection },
  { id: 'start', run: startSection },
  { id: 'frames', run: framesSection },
  { id: 'engine', run: engineSection },
  { id: 'server', run: serverSection },
  { id: 'leaderboard', run: leaderboardSection },
  { id: 'memory', run: memorySection },
  { id: 'studio', run: studioSection },
  { id: 'tagger', run: taggerSection },
];
