/** A deliberately small RFC 5545 reader for the tests: unfold, split, unescape. */
export interface Property {
  readonly name: string;
  readonly params: string;
  readonly value: string;
}

export interface ParsedCalendar {
  readonly properties: readonly Property[];
  readonly events: readonly (readonly Property[])[];
}

/** RFC 5545 §3.1: a CRLF followed by one space or tab is removed. */
export const unfold = (text: string): string => text.replace(/\r\n[ \t]/g, '');

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

export function parseLine(line: string): Property {
  const colon = line.indexOf(':');
  if (colon < 0) throw new Error(`no colon in content line: ${line}`);
  const head = line.slice(0, colon);
  const semicolon = head.indexOf(';');
  return semicolon < 0
    ? { name: head, params: '', value: line.slice(colon + 1) }
    : { name: head.slice(0, semicolon), params: head.slice(semicolon), value: line.slice(colon + 1) };
}

export function parseCalendar(text: string): ParsedCalendar {
  if (!text.endsWith('\r\n')) throw new Error('must end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new Error('bare CR or LF');
  const lines = unfold(text).split('\r\n').slice(0, -1).map(parseLine);
  const properties: Property[] = [];
  const events: Property[][] = [];
  let current: Property[] | undefined;
  for (const line of lines) {
    if (line.name === 'BEGIN' && line.value === 'VEVENT') current = [];
    else if (line.name === 'END' && line.value === 'VEVENT') {
      if (current) events.push(current);
      current = undefined;
    } else (current ?? properties).push(line);
  }
  return { properties, events };
}

export const propValue = (props: readonly Property[], name: string): string | undefined =>
  props.find((p) => p.name === name)?.value;

export const textOf = (props: readonly Property[], name: string): string | undefined => {
  const value = propValue(props, name);
  return value === undefined ? undefined : unescapeText(value);
};
