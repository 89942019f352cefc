import anyAscii from 'any-ascii';

/**
 * Folds a name for searching: transliterated to Latin (Nguyễn → nguyen, 王伟 → wang wei),
 * lower case, punctuation to spaces. "NGUYEN T. LAN" and "Nguyễn Thị Lan" then share tokens.
 */
export function foldName(text: string): string {
  return anyAscii(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Every way a person was written down, folded into one searchable text with separators. */
export function nameSearchText(names: readonly string[]): string {
  const folded = [...new Set(names.map(foldName).filter((n) => n !== ''))];
  return folded.length === 0 ? '' : ` ${folded.join(' | ')} `;
}
