// The tagging sidebar's form fields, declared once (index.html holds the elements; tests/client checks the ids).
import { choice, num, text } from '../core/form';
import type { RpcResult } from '../core/rpc';

type Settings = RpcResult<'tagging_getSettings'>;

export const TAGGING_FIELDS = {
  sheet: text('sheet'),
  model: text('model'),
  apiKey: text('apiKey'),
  source: choice<Settings['catalogue']['source']>('source'),
  catSheet: text('catSheet'),
  catTable: text('catTable'),
  wordSheet: text('wordSheet'),
  topSheet: text('topSheet'),
  rpm: num('rpm'),
  tpm: num('tpm'),
  budget: num('budget'),
  chunk: num('chunk'),
  batch: num('batch'),
  workers: num('workers'),
};
