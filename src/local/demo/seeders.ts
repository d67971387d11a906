// The capability seeders the demo composer runs, in menu order (one import per seeder file that exists).
import type { Seeder } from './types';
import { seedReports } from './reports';

export const SEEDERS: Array<{ name: string; seed: Seeder }> = [{ name: 'reports', seed: seedReports }];
