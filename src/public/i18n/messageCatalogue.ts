// Loads the message files once. They are JSON beside this module so that translators can edit
// them without touching code; the shape is checked here because JSON carries no types.
import { readFileSync } from 'node:fs';
import { languageCodes, type LanguageCode, type TextDirection } from './languages.ts';

export interface MessageFile {
  readonly meta: {
    readonly code: string;
    readonly name: string;
    readonly direction: TextDirection;
    readonly reviewStatus: string;
  };
  readonly messages: Readonly<Record<string, string>>;
}

function readMessageFile(code: LanguageCode): MessageFile {
  const url = new URL(`./messages/${code}.json`, import.meta.url);
  const parsed: unknown = JSON.parse(readFileSync(url, 'utf8'));
  if (!isMessageFile(parsed)) throw new Error(`messages/${code}.json is not a valid message file`);
  if (parsed.meta.code !== code) {
    throw new Error(`messages/${code}.json says it is ${parsed.meta.code}`);
  }
  return parsed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMessageFile(value: unknown): value is MessageFile {
  if (!isRecord(value) || !isRecord(value.meta) || !isRecord(value.messages)) return false;
  const { meta, messages } = value;
  return (
    typeof meta.code === 'string' &&
    typeof meta.name === 'string' &&
    (meta.direction === 'ltr' || meta.direction === 'rtl') &&
    typeof meta.reviewStatus === 'string' &&
    Object.values(messages).every((text) => typeof text === 'string')
  );
}

const loaded = new Map<LanguageCode, MessageFile>();

export function messageFile(code: LanguageCode): MessageFile {
  let file = loaded.get(code);
  if (file === undefined) {
    file = readMessageFile(code);
    loaded.set(code, file);
  }
  return file;
}

export function messageCatalogue(): ReadonlyMap<LanguageCode, MessageFile> {
  return new Map(languageCodes.map((code) => [code, messageFile(code)]));
}

/** The `{name}` placeholders of a message, sorted, so languages can be compared. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((match) => match[1] ?? '').sort();
}
