// The Gemini REST wire format (v1beta generateContent) as DataDesk sends and reads it; checked against @google/genai's types.

/** JSON-schema subset Gemini accepts as responseSchema (type names are the REST enum strings). */
export interface GeminiSchema {
  type: 'STRING' | 'NUMBER' | 'INTEGER' | 'BOOLEAN' | 'ARRAY' | 'OBJECT';
  description?: string;
  items?: GeminiSchema;
  properties?: Record<string, GeminiSchema>;
  required?: string[];
  maxItems?: string;
  propertyOrdering?: string[];
}

export interface GeminiTextPart {
  text: string;
}

export interface GeminiInlinePart {
  inlineData: { mimeType: string; data: string };
}

/** A picture Gemini fetches itself (a public https or pre-signed URL; Gemini 2.5 and later). */
export interface GeminiFilePart {
  fileData: { mimeType: string; fileUri: string };
}

export type GeminiPart = GeminiTextPart | GeminiInlinePart | GeminiFilePart;

export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

export interface GeminiRequest {
  contents: GeminiContent[];
  systemInstruction: { parts: GeminiTextPart[] };
  generationConfig: {
    responseMimeType: 'application/json';
    responseSchema: GeminiSchema;
    temperature: number;
    maxOutputTokens: number;
    thinkingConfig?: GeminiThinking;
  };
}

/** How much the model thinks before answering: a token budget (Gemini 2.5) or a level (Gemini 3 and later). */
export type GeminiThinking = { thinkingBudget: number } | { thinkingLevel: 'MINIMAL' | 'LOW' };

/** What an answer may hold; every field optional because Google omits empty ones. */
export interface GeminiResponse {
  candidates?: Array<{
    content?: { role?: string; parts?: Array<{ text?: string }> };
    finishReason?: string;
    index?: number;
  }>;
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
  usageMetadata?: {
    promptTokenCount?: number;
    candidatesTokenCount?: number;
    /** Thinking tokens: billed as output, counted against maxOutputTokens. */
    thoughtsTokenCount?: number;
    totalTokenCount?: number;
  };
  modelVersion?: string;
}

/** Google's error envelope. details may carry type.googleapis.com/google.rpc.RetryInfo with retryDelay "7s". */
export interface GeminiErrorBody {
  error: {
    code: number;
    status: string;
    message: string;
    details?: Array<{ '@type': string; retryDelay?: string; reason?: string; [k: string]: unknown }>;
  };
}

export const RETRY_INFO_TYPE = 'type.googleapis.com/google.rpc.RetryInfo';
