import { isIP } from 'node:net';

export interface ConfigIssue {
  /** JSON path, e.g. `groups[0].members[1].ip`. */
  path: string;
  message: string;
}

type Obj = Record<string, unknown>;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"` : typeof v;
}

/** Path-aware accessors that collect every problem instead of stopping at the first. */
export class Reader {
  constructor(
    readonly issues: ConfigIssue[],
    readonly path: string,
    readonly value: unknown,
  ) {}

  fail(message: string, sub?: string): void {
    this.issues.push({ path: sub === undefined ? this.path || '(root)' : join(this.path, sub), message });
  }

  isObject(): boolean {
    return typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value);
  }

  /** Reports unknown keys; returns false when this is not an object at all. */
  object(allowed: readonly string[]): boolean {
    if (!this.isObject()) {
      this.fail(`must be an object, got ${describe(this.value)}`);
      return false;
    }
    for (const key of Object.keys(this.value as Obj)) {
      if (!allowed.includes(key)) this.fail(`unknown key (allowed: ${allowed.join(', ')})`, key);
    }
    return true;
  }

  has(key: string): boolean {
    return this.isObject() && (this.value as Obj)[key] !== undefined;
  }

  at(key: string | number): Reader {
    const v = typeof key === 'number' ? (this.value as unknown[])[key] : (this.value as Obj | undefined)?.[key];
    return new Reader(this.issues, join(this.path, key), v);
  }

  string(key: string, opts: { default?: string; pattern?: RegExp; patternHint?: string } = {}): string {
    const r = this.at(key);
    if (r.value === undefined) {
      if (opts.default !== undefined) return opts.default;
      r.fail('is required');
      return '';
    }
    if (typeof r.value !== 'string' || r.value.length === 0) {
      r.fail(`must be a non-empty string, got ${describe(r.value)}`);
      return '';
    }
    if (opts.pattern && !opts.pattern.test(r.value)) r.fail(`must be ${opts.patternHint ?? `like ${opts.pattern}`}`);
    return r.value;
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  enum<T extends string>(key: string, values: readonly T[], def?: T): T {
    const r = this.at(key);
    if (r.value === undefined && def !== undefined) return def;
    if (typeof r.value !== 'string' || !values.includes(r.value as T)) {
      r.fail(r.value === undefined ? `is required (one of ${values.join(', ')})` : `must be one of ${values.join(', ')}, got ${describe(r.value)}`);
      return values[0] as T;
    }
    return r.value as T;
  }

  number(key: string, opts: { default?: number; min?: number; max?: number; integer?: boolean } = {}): number {
    const r = this.at(key);
    if (r.value === undefined) {
      if (opts.default !== undefined) return opts.default;
      r.fail('is required');
      return opts.min ?? 0;
    }
    if (typeof r.value !== 'number' || !Number.isFinite(r.value)) {
      r.fail(`must be a number, got ${describe(r.value)}`);
      return opts.default ?? opts.min ?? 0;
    }
    if ((opts.integer ?? true) && !Number.isInteger(r.value)) r.fail('must be an integer');
    if (opts.min !== undefined && r.value < opts.min) r.fail(`must be >= ${opts.min}`);
    if (opts.max !== undefined && r.value > opts.max) r.fail(`must be <= ${opts.max}`);
    return r.value;
  }

  boolean(key: string, def?: boolean): boolean {
    const r = this.at(key);
    if (r.value === undefined && def !== undefined) return def;
    if (typeof r.value !== 'boolean') {
      r.fail(r.value === undefined ? 'is required (true or false)' : `must be true or false, got ${describe(r.value)}`);
      return def ?? false;
    }
    return r.value;
  }

  /** Calls `each` for every element; a missing key yields `def` (or an issue when no default). */
  array<T>(key: string, each: (item: Reader, index: number) => T, def?: T[]): T[] {
    const r = this.at(key);
    if (r.value === undefined && def !== undefined) return def;
    if (!Array.isArray(r.value)) {
      r.fail(r.value === undefined ? 'is required' : `must be an array, got ${describe(r.value)}`);
      return [];
    }
    return r.value.map((_, i) => each(r.at(i), i));
  }

  record<T>(key: string, each: (item: Reader, name: string) => T, def?: Record<string, T>): Record<string, T> {
    const r = this.at(key);
    if (r.value === undefined && def !== undefined) return def;
    if (!r.isObject()) {
      r.fail(r.value === undefined ? 'is required' : `must be an object, got ${describe(r.value)}`);
      return {};
    }
    const out: Record<string, T> = {};
    for (const name of Object.keys(r.value as Obj)) out[name] = each(r.at(name), name);
    return out;
  }

  /** The value itself as a string (for array elements / record values). */
  self(opts: { pattern?: RegExp; patternHint?: string } = {}): string {
    if (typeof this.value !== 'string' || this.value.length === 0) {
      this.fail(`must be a non-empty string, got ${describe(this.value)}`);
      return '';
    }
    if (opts.pattern && !opts.pattern.test(this.value)) this.fail(`must be ${opts.patternHint ?? `like ${opts.pattern}`}`);
    return this.value;
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

export const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const NAME_HINT = '1-64 characters of letters, digits, _ . - (starting with a letter or digit)';

export function isAddress(s: string): boolean {
  return isIP(s) !== 0;
}

/** Accepts `ip` or `ip/prefix`. */
export function splitAddress(s: string): { ip: string; prefix?: number } | undefined {
  const [ip, prefix, extra] = s.split('/');
  if (ip === undefined || extra !== undefined || isIP(ip) === 0) return undefined;
  if (prefix === undefined) return { ip };
  if (!/^\d{1,3}$/.test(prefix)) return undefined;
  const n = Number(prefix);
  if (n > (isIP(ip) === 4 ? 32 : 128)) return undefined;
  return { ip, prefix: n };
}
