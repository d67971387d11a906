// Ui: menus (the add-on menu is Extensions ▸ DataDesk), sidebars, dialogs, alerts, prompts and toasts as UI events.
// Reference: developers.google.com/apps-script/reference/base/ui (+ menu, prompt-response, button, button-set).
// - addToUi stores the menu per (documentId, user) in the store, emits {type:'ui', action:'menu'} and writes
//   <stateDir>/last-ui.json = {menu, menus} (the CLI prints it after `datadesk run onOpen`).
// - showSidebar/showModalDialog/showModelessDialog take HtmlService output (HtmlWire); sidebars are 300 px wide.
// - alert/prompt ask env.uiResponder; with none, the default button (OK, or YES) answers at once. Every answer is
//   recorded in store.uiLog and emitted as a ui event. Button and ButtonSet values are their names ('OK', 'YES_NO').
import { GasError } from '../../runtime/types';
import type { HtmlWire } from '../../runtime/wire';
import type { SheetsSession } from './session';
import type { UiMenu, UiMenuItem } from './store';
import { asEnum, type Returning } from './types';

type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;
type Button = GoogleAppsScript.Base.Button;

export const ADDON_MENU_TITLE = 'DataDesk';
const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
const SET_BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

function isHtml(v: unknown): v is HtmlWire {
  return !!v && typeof v === 'object' && (v as { __html?: unknown }).__html === true;
}

export class PromptResponseObj implements Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'> {
  static readonly gasName = 'PromptResponse';
  constructor(
    private text: string,
    private button: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): Button {
    return asEnum(this.button);
  }
}

export class MenuObj implements Returning<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu'>, Pick<GMenu, 'addToUi'> {
  static readonly gasName = 'Menu';
  readonly items: UiMenuItem[] = [];
  constructor(
    private ui: UiObj,
    readonly title: string,
    readonly addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): MenuObj {
    if (typeof caption !== 'string' || typeof functionName !== 'string')
      throw new GasError("The parameters don't match the method signature for Menu.addItem.");
    this.items.push({ caption, fn: functionName });
    return this;
  }
  addSeparator(): MenuObj {
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuObj): MenuObj {
    if (!(menu instanceof MenuObj))
      throw new GasError("The parameters (Object) don't match the method signature for Menu.addSubMenu.");
    this.items.push({ caption: menu.title, submenu: menu.items });
    return this;
  }
  addToUi(): void {
    this.ui.addMenu({ title: this.title, addon: this.addon, items: JSON.parse(JSON.stringify(this.items)) as UiMenuItem[] });
  }
}

// alert and prompt answer asynchronously on the host (the bridge waits), so their types are not Pick-checked.
export class UiObj
  implements Returning<GUi, 'createMenu' | 'createAddonMenu'>, Pick<GUi, 'showSidebar' | 'showModalDialog' | 'showModelessDialog'>
{
  static readonly gasName = 'Ui';
  static readonly gasProps = ['Button', 'ButtonSet'];
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  constructor(private s: SheetsSession) {}

  emit(action: string, payload: unknown): void {
    const { ctx, env } = this.s;
    env.emitEvent({ type: 'ui', execId: ctx.id, user: ctx.user, documentId: ctx.documentId, action, payload });
  }

  addMenu(menu: UiMenu): void {
    const { ctx, env, store } = this.s;
    const menus = store.setMenu(ctx.documentId, ctx.user, menu);
    this.emit('menu', menu);
    env.writeJson('last-ui.json', { documentId: ctx.documentId, user: ctx.user, menu, menus });
  }

  createMenu(caption: string): MenuObj {
    if (typeof caption !== 'string') throw new GasError("The parameters don't match the method signature for Ui.createMenu.");
    return new MenuObj(this, caption, false);
  }
  createAddonMenu(): MenuObj {
    return new MenuObj(this, ADDON_MENU_TITLE, true);
  }

  showSidebar(userInterface: object): void {
    if (!isHtml(userInterface))
      throw new GasError("The parameters (Object) don't match the method signature for Ui.showSidebar.");
    this.emit('showSidebar', {
      content: userInterface.content,
      title: userInterface.title,
      width: 300,
      height: userInterface.height,
    });
  }
  showModalDialog(userInterface: object, title: string): void {
    this.dialog('showModalDialog', userInterface, title);
  }
  showModelessDialog(userInterface: object, title: string): void {
    this.dialog('showModelessDialog', userInterface, title);
  }
  private dialog(action: string, ui: object, title: string): void {
    if (!isHtml(ui) || typeof title !== 'string')
      throw new GasError(`The parameters (Object) don't match the method signature for Ui.${action}.`);
    this.emit(action, { content: ui.content, title, width: ui.width, height: ui.height });
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  async alert(a: string, b?: string, c?: string): Promise<Button> {
    let title = '';
    let message: unknown = a;
    let buttons: unknown = 'OK';
    if (c !== undefined) [title, message, buttons] = [String(a), b, c];
    else if (b !== undefined) buttons = b;
    if (typeof message !== 'string' || typeof buttons !== 'string' || !SET_BUTTONS[buttons]) {
      throw new GasError("The parameters don't match the method signature for Ui.alert.");
    }
    const r = await this.ask('alert', title, message, buttons);
    return asEnum(r.button);
  }

  /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons) */
  async prompt(a: string, b?: string, c?: string): Promise<PromptResponseObj> {
    let title = '';
    let message: unknown = a;
    let buttons: unknown = 'OK';
    if (c !== undefined) [title, message, buttons] = [String(a), b, c];
    else if (b !== undefined) buttons = b;
    if (typeof message !== 'string' || typeof buttons !== 'string' || !SET_BUTTONS[buttons]) {
      throw new GasError("The parameters don't match the method signature for Ui.prompt.");
    }
    const r = await this.ask('prompt', title, message, buttons);
    return new PromptResponseObj(r.text ?? '', r.button);
  }

  private async ask(
    action: 'alert' | 'prompt',
    title: string,
    message: string,
    buttons: string,
  ): Promise<{ button: string; text?: string }> {
    const { ctx, env, store } = this.s;
    const allowed = [...SET_BUTTONS[buttons], 'CLOSE'];
    let answer: { button: string; text?: string };
    const auto = !env.uiResponder;
    if (env.uiResponder) {
      answer = await env.uiResponder({
        execId: ctx.id,
        user: ctx.user,
        documentId: ctx.documentId,
        action,
        title,
        message,
        buttons,
      });
      if (!allowed.includes(answer.button))
        throw new GasError(`runtime: the UI answered ${answer.button}, not one of ${allowed.join(', ')}`, 'Error');
    } else answer = { button: SET_BUTTONS[buttons][0], text: '' };
    const text = action === 'prompt' ? (answer.text ?? '') : null;
    store.logUi({
      at: ctx.now().toISOString(),
      user: ctx.user,
      documentId: ctx.documentId,
      action,
      title,
      message,
      buttons,
      answer: answer.button,
      text,
      auto,
    });
    this.emit(action, { title, message, buttons, answer: answer.button, text, auto });
    return answer;
  }
}
