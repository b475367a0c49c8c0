/** One line of `vagrant --machine-readable`: `timestamp,target,type,data...`. */
export interface MachineRecord {
  timestamp: number;
  /** the machine name, or '' for the whole environment */
  target: string;
  type: string;
  data: string[];
}

// Vagrant escapes commas inside a field and writes newlines as the two characters \n.
const unescape = (field: string): string =>
  field.replaceAll('%!(VAGRANT_COMMA)', ',').replaceAll('\\n', '\n').replaceAll('\\r', '\r');

export function parseMachineLine(line: string): MachineRecord | undefined {
  const fields = line.replace(/\r$/, '').split(',');
  if (fields.length < 3 || !/^\d+$/.test(fields[0]!)) return undefined;
  const [timestamp, target, type, ...data] = fields;
  return { timestamp: Number(timestamp), target: unescape(target!), type: unescape(type!), data: data.map(unescape) };
}

export function parseMachineReadable(text: string): MachineRecord[] {
  return text.split('\n').flatMap((line) => parseMachineLine(line) ?? []);
}
