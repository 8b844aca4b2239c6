// The small line under the customer's name in the conversation scene: where the player meets them.
import type { Setting } from '../engine/vocabulary.ts';

/** Face-to-face settings say where you stand; the rest keep the phone-line wording they always had. */
export function nameplateCaption(setting: Setting, company: string): string {
  switch (setting) {
    case 'airport-gate':
      return `at the ${company} gate`;
    case 'clinic-desk':
      return `at the ${company} front desk`;
    default:
      return `on the line with ${company}`;
  }
}
