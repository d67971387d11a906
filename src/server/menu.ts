// The DataDesk add-on menu (Extensions ▸ DataDesk), built in the user's language and, when the user's roles can be
// read, with only the items for them.
import { buildAddonMenu, MenuItem } from './platform/ui';
import type { Audience } from './core/access';
import { rolesOf } from './core/access';
import { errorMessage } from './core/errors';
import { activeUserEmail } from './platform/session';
import { roleDirectory } from './settings/adapters';
import { isBudgetMember } from './budget/adapters';
import { mentorEmails } from './mentoring/adapters';
import { budgetMenu } from './budget/menu';
import { segmentsMenu } from './segments/menu';
import { taggingMenu } from './tagging/menu';
import { reportsMenu } from './reports/menu';
import { marketMenu } from './marketplace/menu';
import { mentoringMenu } from './mentoring/menu';
import { accessMenu, settingsMenu } from './settings/menu';

/** Every item of the DataDesk menu, in the order users meet the capabilities. */
export function menuItems(): Array<MenuItem | null> {
  return [
    ...budgetMenu,
    null,
    ...segmentsMenu,
    null,
    ...taggingMenu,
    null,
    ...marketMenu,
    null,
    ...reportsMenu,
    null,
    ...mentoringMenu,
    null,
    ...settingsMenu,
  ];
}

/**
 * The items for a user of `audience` (admins: all of them); null (roles unreadable) gives the complete menu. A user
 * with no item gets "Akses saya…", which says who gives roles. Separators never double, lead or trail.
 */
export function itemsFor(audience: ReadonlySet<Audience> | null): Array<MenuItem | null> {
  const all = menuItems();
  if (audience === null || audience.has('admin')) return all;
  const kept = all.filter((it) => it === null || it.for.some((a) => audience.has(a)));
  const out: Array<MenuItem | null> = [];
  for (const it of kept) if (it !== null || (out.length && out[out.length - 1] !== null)) out.push(it);
  while (out.length && out[out.length - 1] === null) out.pop();
  return out.length ? out : [...accessMenu];
}

/**
 * Who the user is for the menu, from what onOpen may read in AuthMode.LIMITED (script properties, the open document,
 * the user's e-mail; never the database): their add-on roles, whether they are a budget user (the list the budget
 * configuration keeps in a property; unknown counts as yes) and whether the "Mentor" sheet names them. null when the
 * e-mail is withheld (Session.getActiveUser can be empty in a simple trigger) or a read fails: the complete menu.
 * Never call this in AuthMode.NONE, where no property can be read.
 */
export function readAudience(): ReadonlySet<Audience> | null {
  try {
    const email = activeUserEmail();
    if (!email) return null;
    const out = new Set<Audience>(rolesOf(roleDirectory(), email));
    if (out.has('admin')) return out;
    if (isBudgetMember(email) !== false) out.add('budget');
    if (mentorEmails().includes(email)) out.add('mentor');
    return out;
  } catch (e) {
    console.warn(`menu: roles not readable, the complete menu is shown: ${errorMessage(e)}`);
    return null;
  }
}

/** Builds (or rebuilds, after a language switch) the menu: the user's items when `readable`, else all of them. */
export function buildMenu(readable = true): void {
  buildAddonMenu(itemsFor(readable ? readAudience() : null));
}
