// The capability seeders the demo composer runs, in menu order (one import per seeder file that exists).
import type { Seeder } from './types';
import { seedBudget } from './budget';
import { seedSegments } from './segments';
import { seedWeekly } from './loyalty';
import { seedTagging } from './tagging';
import { seedReports } from './reports';
import { seedMarketplace } from './marketplace';
import { seedMentoring } from './mentoring';

export const SEEDERS: Array<{ name: string; seed: Seeder }> = [
  { name: 'budget', seed: seedBudget },
  { name: 'segments', seed: seedSegments },
  { name: 'loyalty', seed: seedWeekly },
  { name: 'tagging', seed: seedTagging },
  { name: 'reports', seed: seedReports },
  { name: 'marketplace', seed: seedMarketplace },
  { name: 'mentoring', seed: seedMentoring },
];
