// Apps Script's argument checks: a call whose arguments match none of a method's overloads fails with
// "The parameters (…) don't match the method signature for Service.Class.method." before the method runs.
//
// A host class declares its overloads in `static gasSignatures = { method: [['String'], ['Blob']] }` and its
// qualified name in `static gasQualified = 'DriveApp.Folder'`; the runtime's bridge calls checkSignature for every
// call (runtime.ts), worker-local services through strictService. Methods without an entry are not checked.
//
// What the texts look like is pinned by brucemcpherson/gas-fakes' tests, which also run on live Apps Script
// (test/testdrive.js: "The parameters () don't match", "(String)", "(Blob,String)", "(DriveApp.Folder,String)";
// test/testutilities.js for computeDigest/computeHmac*), and by reports of "(number[]) don't match the method
// signature for SpreadsheetApp.Range.setValues". Strings are "String", numbers "number", null "null"; the names
// of booleans ("Boolean"), Dates ("Date") and plain objects ("Object") follow the same Java-side convention and
// are unconfirmed.
import { GasError } from './types';

/** A parameter type: a primitive, an array, 'any', an enum (listing its values) or an Apps Script class name. */
export type ParamType =
  | 'String'
  | 'number'
  | 'Boolean'
  | 'Object'
  | 'Date'
  | 'any'
  | 'String[]'
  | 'number[]'
  | 'Object[]'
  | 'Object[][]'
  | 'BlobSource'
  | { enum: readonly string[] }
  | { cls: string };

export type Overloads = ReadonlyArray<ReadonlyArray<ParamType>>;
export type SignatureTable = Readonly<Record<string, Overloads>>;

interface Declared {
  gasName?: string;
  gasQualified?: string;
  gasSignatures?: SignatureTable;
}

function declared(obj: unknown): Declared {
  return ((obj as { constructor?: Declared } | null)?.constructor ?? {}) as Declared;
}

/** An Apps Script class by its short name (File, Folder, Blob, User, Spreadsheet, …). */
export const cls = (name: string): ParamType => ({ cls: name });
export const enumOf = (values: readonly string[]): ParamType => ({ enum: values });

/** How Apps Script names an argument's type in the error text. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'function') return 'Function';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (Array.isArray(v)) {
    if (!v.length) return 'Object[]';
    const inner = v.map(typeName);
    return `${inner.every((t) => t === inner[0]) ? inner[0] : 'Object'}[]`;
  }
  const d = declared(v);
  if (d.gasName && d.gasName !== 'Object') return d.gasQualified ?? d.gasName;
  return 'Object';
}

function isBlobSource(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const name = declared(v).gasName;
  return name === 'Blob' || typeof (v as { getBlob?: unknown }).getBlob === 'function';
}

/** Whether one argument fits one parameter type (null fits every object type, as Apps Script's Java side allows). */
export function fits(t: ParamType, v: unknown): boolean {
  if (t === 'any') return v !== undefined;
  if (typeof t === 'object' && 'enum' in t) return typeof v === 'string' && t.enum.includes(v);
  if (v === null) return t !== 'number' && t !== 'Boolean';
  switch (t) {
    case 'String':
      // Apps Script turns a number or boolean into the String a method wants (setProperty('n', 5) stores "5");
      // the other way round (a String where a number is wanted) fails
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    case 'number':
      return typeof v === 'number';
    case 'Boolean':
      return typeof v === 'boolean';
    case 'Date':
      return Object.prototype.toString.call(v) === '[object Date]';
    case 'Object':
      return v !== undefined;
    case 'String[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' || x === null);
    case 'number[]':
    case 'Object[]':
      // element conversion errors ("Cannot convert …") come later, from the method itself
      return Array.isArray(v) || ArrayBuffer.isView(v);
    case 'Object[][]':
      return Array.isArray(v) && v.every((row) => Array.isArray(row));
    case 'BlobSource':
      return isBlobSource(v);
  }
  return typeof v === 'object' && v !== undefined && declared(v).gasName === t.cls;
}

/** Arguments as Apps Script counts them: trailing undefined ones were not passed. */
export function passed(args: readonly unknown[]): unknown[] {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  return args.slice(0, n);
}

export function signatureError(qualified: string, args: readonly unknown[]): GasError {
  return new GasError(
    `The parameters (${passed(args).map(typeName).join(',')}) don't match the method signature for ${qualified}.`,
  );
}

/** Throws Apps Script's text when `args` match none of the overloads. */
export function checkArgs(qualified: string, overloads: Overloads, args: readonly unknown[]): void {
  const a = passed(args);
  if (overloads.some((o) => o.length === a.length && o.every((t, i) => fits(t, a[i])))) return;
  throw signatureError(qualified, a);
}

/** Checks a call on a host object whose class declares signatures (nothing to check otherwise). */
export function checkSignature(target: object, method: string, args: readonly unknown[]): void {
  const d = declared(target);
  const overloads = d.gasSignatures && Object.hasOwn(d.gasSignatures, method) ? d.gasSignatures[method] : null;
  if (overloads) checkArgs(`${d.gasQualified ?? d.gasName ?? 'Object'}.${method}`, overloads, args);
}
