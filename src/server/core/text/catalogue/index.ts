// The catalogue: every text DataDesk shows, one file per area, each key prefixed with its area (so none collide).
import { common } from './common';
import { menu } from './menu';
import { budget } from './budget';
import { segments } from './segments';
import { loyalty } from './loyalty';
import { tagging } from './tagging';
import { reports } from './reports';
import { settings } from './settings';

/** Area → its texts; the language test walks these. */
export const AREAS = { common, menu, budget, segments, loyalty, tagging, reports, settings };

export const CATALOGUE = { ...common, ...menu, ...budget, ...segments, ...loyalty, ...tagging, ...reports, ...settings };
