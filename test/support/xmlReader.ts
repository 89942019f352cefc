// A strict reader for the XML our exports write, so a test parses a file back as a tool would
// rather than matching it with patterns: elements, attributes, text, comments, the declaration,
// the five named entities and character references. It refuses what an XML 1.0 parser refuses
// and our files could contain by mistake: a tag closed out of order, a bare "<" or "&", an
// unknown entity, a repeated attribute, a character XML does not allow, text outside the root.
// No DTDs, CDATA or processing instructions beyond the declaration: our exports write none.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// XML 1.0 characters: tab, newline, carriage return, and from space upward, less the surrogates (paired ones are read as one) and U+FFFE/U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, at: number): string {
  if (NOT_XML.test(raw)) throw new Error(`A character XML does not allow, near offset ${at}`);
  if (raw.includes('<')) throw new Error(`A bare "<" near offset ${at}`);
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`A bare "&" near offset ${at}`);
    if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    const named = ENTITIES[body];
    if (named === undefined) throw new Error(`Unknown entity &${body}; near offset ${at}`);
    return named;
  });
}

export function readXml(text: string): XmlElement {
  let at = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at] ?? '')) at += 1;
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) throw new Error('An unfinished XML declaration');
    at = end + 2;
  }
  while (at < text.length) {
    const next = text.indexOf('<', at);
    const chunk = text.slice(at, next < 0 ? text.length : next);
    const parent = stack.at(-1);
    if (parent === undefined) {
      if (chunk.trim() !== '') throw new Error(`Text outside the root element near offset ${at}`);
    } else {
      parent.text += decode(chunk, at);
    }
    if (next < 0) break;
    at = next;
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at);
      if (end < 0) throw new Error('An unfinished comment');
      at = end + 3;
      continue;
    }
    if (text.startsWith('</', at)) {
      at += 2;
      const name = NAME.exec(text.slice(at))?.[0];
      const open = stack.pop();
      if (name === undefined || open === undefined || open.name !== name) throw new Error(`</${name ?? ''}> closes <${open?.name ?? 'nothing'}> near offset ${at}`);
      at += name.length;
      skipSpace();
      if (text[at] !== '>') throw new Error(`An unfinished closing tag near offset ${at}`);
      at += 1;
      continue;
    }
    at += 1;
    const name = NAME.exec(text.slice(at))?.[0];
    if (name === undefined) throw new Error(`A bare "<" near offset ${at}`);
    at += name.length;
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (text.startsWith('/>', at) || text[at] === '>') break;
      const attribute = NAME.exec(text.slice(at))?.[0];
      if (attribute === undefined) throw new Error(`A malformed attribute in <${name}> near offset ${at}`);
      at += attribute.length;
      skipSpace();
      const quote = text[at + 1];
      if (text[at] !== '=' || (quote !== '"' && quote !== "'")) throw new Error(`Attribute ${attribute} of <${name}> has no quoted value`);
      const end = text.indexOf(quote, at + 2);
      if (end < 0) throw new Error(`Attribute ${attribute} of <${name}> is not closed`);
      if (attribute in element.attributes) throw new Error(`Attribute ${attribute} repeated in <${name}>`);
      element.attributes[attribute] = decode(text.slice(at + 2, end), at);
      at = end + 1;
    }
    const parentElement = stack.at(-1);
    if (parentElement === undefined) {
      if (root !== undefined) throw new Error('A second root element');
      root = element;
    } else {
      parentElement.children.push(element);
    }
    if (text.startsWith('/>', at)) at += 2;
    else {
      at += 1;
      stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name ?? ''}> is never closed`);
  if (root === undefined) throw new Error('No root element');
  return root;
}
