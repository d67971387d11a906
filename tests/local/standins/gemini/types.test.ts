// DataDesk's Gemini wire types against @google/genai's: what DataDesk sends is a valid SDK request shape, and
// whatever the SDK says an answer or error may hold fits what DataDesk reads. Checked by the compiler (npm run typecheck).
import type * as Sdk from '@google/genai';
import type {
  GeminiContent,
  GeminiFilePart,
  GeminiRequest,
  GeminiResponse,
  GeminiSchema,
} from '../../../../src/server/tagging/gemini-types';
import { buildRequest } from '../../../../src/server/tagging/prompt';

/** Turns the SDK's string enums (Type.ARRAY, FinishReason.STOP) into their wire strings. */
type Wire<T> = T extends string
  ? `${T}`
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;

// Requests: DataDesk's parts, contents, schema and generation config are SDK shapes.
// biome-ignore lint/suspicious/noExportsInTest: exported so the compile-time checks count as used
export type RequestChecks = [
  Assert<Extends<GeminiContent, Wire<Sdk.Content>>>,
  // A picture as a URL Gemini fetches (fileData) is the SDK's Part shape too.
  Assert<Extends<GeminiFilePart, Wire<Sdk.Part>>>,
  Assert<Extends<GeminiSchema, Wire<Sdk.Schema>>>,
  Assert<Extends<GeminiRequest['generationConfig'], Wire<Sdk.GenerationConfig>>>,
  Assert<Extends<GeminiRequest['systemInstruction'], Wire<Sdk.Content>>>,
];

// Answers: the SDK's response fields fit DataDesk's reader.
type SdkAnswer = Wire<Pick<Sdk.GenerateContentResponse, 'candidates' | 'promptFeedback' | 'usageMetadata' | 'modelVersion'>>;
// biome-ignore lint/suspicious/noExportsInTest: exported so the compile-time checks count as used
export type ResponseChecks = [
  Assert<Extends<NonNullable<SdkAnswer['usageMetadata']>, NonNullable<GeminiResponse['usageMetadata']>>>,
  Assert<
    Extends<NonNullable<SdkAnswer['promptFeedback']>['blockReason'], NonNullable<GeminiResponse['promptFeedback']>['blockReason']>
  >,
  Assert<
    Extends<
      NonNullable<SdkAnswer['candidates']>[number]['finishReason'],
      NonNullable<GeminiResponse['candidates']>[number]['finishReason']
    >
  >,
  Assert<
    Extends<
      NonNullable<NonNullable<NonNullable<SdkAnswer['candidates']>[number]['content']>['parts']>[number]['text'],
      string | undefined
    >
  >,
];

describe('Gemini wire types', () => {
  it('a built request is accepted where the SDK takes Content[] (compile-time check, run for the record)', () => {
    const req = buildRequest([{ sku: 'A', name: 'Rak', category: 'Dapur', image: null }], [], 'gemini-2.5-flash');
    const contents: Wire<Sdk.Content>[] = req.contents;
    expect(contents[0].role).toBe('user');
    const schema: Wire<Sdk.Schema> = req.generationConfig.responseSchema;
    expect(schema.type).toBe('ARRAY');
  });
});
