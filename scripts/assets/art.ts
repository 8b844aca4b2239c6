// All vector art: portraits, backdrops, logo and title background.
//
//   npm run assets:art              (node --import tsx scripts/assets/art.ts)
import { generateBackdrops } from './backdrops.ts';
import { generatePortraits } from './portraits.ts';
import { generateUi } from './ui.ts';

generatePortraits();
generateBackdrops();
generateUi();
