import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { at, sourceError, type Parsed, type Where } from '../located.js';

export interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  where: Where;
  /** the element as written, from its `<` to its end */
  source: string;
}

type Raw = Record<string, unknown> & { ':@'?: Record<string, string> };

/** An XML file as a tree of elements with their positions (fast-xml-parser keeps the order and the offsets). */
export function parseXmlTree(text: string, file: string): Parsed<XmlNode | undefined> {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    return { value: undefined, issues: [sourceError('import-syntax', at(file, valid.err.line, valid.err.col), valid.err.msg)] };
  }
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, captureMetaData: true, parseAttributeValue: false, parseTagValue: false, trimValues: true });
  const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number): Where => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return at(file, lo + 1, offset - lineStarts[lo]! + 1);
  };
  const convert = (raw: Raw): XmlNode | undefined => {
    const tag = Object.keys(raw).find((k) => k !== ':@');
    if (!tag || tag.startsWith('?') || tag === '#text' || tag === '#comment') return undefined;
    const m = (raw as Record<symbol, { startIndex?: number; endIndex?: number }>)[meta] ?? {};
    const start = m.startIndex ?? 0;
    const end = m.endIndex ?? start;
    const children = ((raw[tag] as Raw[] | undefined) ?? []).map(convert).filter((c): c is XmlNode => c !== undefined);
    return { tag, attrs: { ...(raw[':@'] ?? {}) }, children, where: position(start), source: text.slice(start, end + 1) };
  };
  const roots = (parser.parse(text) as Raw[]).map(convert).filter((n): n is XmlNode => n !== undefined);
  if (roots.length !== 1) return { value: undefined, issues: [sourceError('import-syntax', at(file, 1), 'expected one root element')] };
  return { value: roots[0], issues: [] };
}
