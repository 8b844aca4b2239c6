// The benchmark sections, in report order.
import type { SectionResult } from '../lib.ts';
import { engineSection } from './engine.ts';

export interface Section {
  id: string;
  run: (quick: boolean) => Promise<SectionResult>;
}

export const sections: Section[] = [{ id: 'engine', run: engineSection }];
