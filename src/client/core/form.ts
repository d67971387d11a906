// Typed form binding: a sidebar declares its fields once (id, kind, value type) and reads or fills them as one typed
// object; the declared ids are checked against the page on binding (and against index.html in tests/client).

/** One form field: where it is and how its value is read and written. */
export interface Field<T> {
  /** The element id, or for a checkbox group the shared `name`. */
  readonly key: string;
  /** What element the page must hold: 'input:checkbox' is a checkbox, 'group' a set of checkboxes by name. */
  readonly kind: 'input' | 'input:checkbox' | 'select' | 'textarea' | 'group';
  get(): T;
  set(v: T): void;
}

const node = <T extends HTMLElement>(id: string, type: new () => T): T => {
  const n = document.getElementById(id);
  if (!(n instanceof type)) throw new Error(`form field #${id}: missing or not a ${type.name}`);
  return n;
};
const input = (id: string) => node(id, HTMLInputElement);
const control = (id: string) => {
  const n = document.getElementById(id);
  if (!(n instanceof HTMLInputElement || n instanceof HTMLSelectElement || n instanceof HTMLTextAreaElement))
    throw new Error(`form field #${id}: missing or not a form control`);
  return n;
};

/** Text as typed (inputs, selects and text areas). */
export function text(id: string, kind: 'input' | 'select' | 'textarea' = 'input'): Field<string> {
  return {
    key: id,
    kind,
    get: () => control(id).value,
    set: (v) => {
      control(id).value = v;
    },
  };
}

/** A select whose options are the values of T. */
export function choice<T extends string>(id: string): Field<T> {
  return {
    key: id,
    kind: 'select',
    get: () => node(id, HTMLSelectElement).value as T,
    set: (v) => {
      node(id, HTMLSelectElement).value = v;
    },
  };
}

/** A number, or null when empty (a number input, or a select whose options are numbers). */
export function num(id: string, kind: 'input' | 'select' = 'input'): Field<number | null> {
  return {
    key: id,
    kind,
    get: () => (control(id).value.trim() === '' ? null : Number(control(id).value)),
    set: (v) => {
      control(id).value = v === null ? '' : String(v);
    },
  };
}

/** A comma- or semicolon-separated list. */
export function list(id: string): Field<string[]> {
  return {
    key: id,
    kind: 'input',
    get: () =>
      input(id)
        .value.split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean),
    set: (v) => {
      input(id).value = v.join(', ');
    },
  };
}

/** A checkbox. */
export function flag(id: string): Field<boolean> {
  return {
    key: id,
    kind: 'input:checkbox',
    get: () => input(id).checked,
    set: (v) => {
      input(id).checked = v;
    },
  };
}

/** A select of '' (no matter), 'true' and 'false'. */
export function yesNo(id: string): Field<boolean | null> {
  return {
    key: id,
    kind: 'select',
    get: () => {
      const v = node(id, HTMLSelectElement).value;
      return v === '' ? null : v === 'true';
    },
    set: (v) => {
      node(id, HTMLSelectElement).value = v === null ? '' : String(v);
    },
  };
}

/** The checked values of the checkboxes named `name` (the group may be filled in later, e.g. brands). */
export function group<T extends string = string>(name: string): Field<T[]> {
  const boxes = () => Array.from(document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]`));
  return {
    key: name,
    kind: 'group',
    get: () =>
      boxes()
        .filter((b) => b.checked)
        .map((b) => b.value as T),
    set: (v) => {
      for (const b of boxes()) b.checked = (v as string[]).includes(b.value);
    },
  };
}

export type FormValues<S> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

export interface Form<S> {
  readonly fields: S;
  read(): FormValues<S>;
  fill(values: Partial<FormValues<S>>): void;
}

/** Binds declared fields: every id must be in the page now (groups may still be empty). */
export function bindForm<S extends Record<string, Field<unknown>>>(fields: S): Form<S> {
  const missing = Object.values(fields)
    .filter((f) => f.kind !== 'group' && !document.getElementById(f.key))
    .map((f) => `#${f.key}`);
  if (missing.length) throw new Error(`form fields missing in the page: ${missing.join(', ')}`);
  return {
    fields,
    read: () => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.get()])) as FormValues<S>,
    fill(values) {
      for (const [k, v] of Object.entries(values)) {
        const f = fields[k] as Field<unknown> | undefined;
        if (f && v !== undefined) f.set(v);
      }
    },
  };
}
