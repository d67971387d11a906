// The catalogue: every text DataDesk shows, one file per area, each key prefixed with its area (so none collide).
import { common } from './common';
import { menu } from './menu';
import { budget as budgetCore } from './budget';
import { budgetRequests } from './budget-requests';
import { segments } from './segments';
import { tagging } from './tagging';
import { reports } from './reports';
import { market } from './market';
import { settings } from './settings';
import { mentoring } from './mentoring';

/** The budget area's texts: the core ones and those of budget requests (a file of their own). */
const budget = { ...budgetCore, ...budgetRequests };

/** Area → its texts; the language test walks these. */
export const AREAS = { common, menu, budget, segments, tagging, market, reports, mentoring, settings };

export const CATALOGUE = {
  ...common,
  ...menu,
  ...budget,
  ...segments,
  ...tagging,
  ...market,
  ...reports,
  ...mentoring,
  ...settings,
};
