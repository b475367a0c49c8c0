import { refuse, unsafeValue } from './unsafe.js';

/*
 * keepalived.conf, as both keepalived 1.2 (centos6) and 2.x (debian12) read it:
 * - 1.2 splits a line on whitespace and on `"`, joins the words of a "quoted value" with single spaces, ends the line
 *   at a word starting with # or !, and runs scripts with system(), i.e. through /bin/sh;
 * - 2.x reads "..." and '...' as one word (with \ escapes), strips comments outside double quotes, expands $NAME
 *   definitions, and for scripts parses the value a second time: unquoted spaces separate arguments, single quotes
 *   keep an argument with spaces together (keepalived.conf(5), "Quoted strings"; lib/parser.c, lib/notify.c).
 * A script is therefore written as "word 'word with spaces'": 2.x takes the outer double quotes as the value and the
 * single quotes as grouping, 1.2 hands the same text to the shell, where single quotes group the same way.
 * What neither version can spell safely inside a value is refused instead of guessed at.
 */
const FORMAT = 'keepalived.conf';
const BARE = /^[A-Za-z0-9_./@%+=:,-]+$/;
const SPECIAL: [RegExp, string][] = [
  [/"/, 'a double quote ends the value early (keepalived has no escape for it that 1.2 understands)'],
  [/\\/, 'a backslash is an escape character in keepalived 2'],
  [/[#!]/, '# and ! start a comment'],
  [/\$/, '$ expands a keepalived definition'],
  [/[{}]/, 'braces open and close keepalived blocks'],
];

/** A value written as one bare word: names, addresses, e-mail addresses, the SMTP server. */
export function kaWord(value: string, path: string | undefined): string {
  refuse(value, path, FORMAT, [[/\s/, 'keepalived splits values at spaces'], ...SPECIAL]);
  if (value === '') throw unsafeValue(path, FORMAT, 'the value is empty');
  return value;
}

/** Words separated by single spaces, each a bare word (smtp_server HOST [PORT]). */
export function kaWords(value: string, path: string | undefined): string {
  return value.split(' ').map((w) => kaWord(w, path)).join(' ');
}

/** A VRRP PASS password: one bare word (1.2 takes a quoted password as the quote character itself). */
export function kaPassword(value: string, path: string | undefined): string {
  return kaWord(value, path);
}

function quotedWord(word: string, path: string | undefined): string {
  if (BARE.test(word)) return word;
  refuse(word, path, FORMAT, [
    [/'/, "a single quote cannot appear inside a script's word"],
    [/\s\s|^\s|\s$/, 'keepalived 1.2 collapses runs of spaces and drops spaces at the ends of a word'],
    ...SPECIAL,
  ]);
  return `'${word}'`;
}

/** A script as keepalived runs it: program and arguments, each kept one word whatever it contains. */
export function kaScript(argv: readonly string[], path: string | undefined): string {
  if (argv.length === 0 || argv[0] === '') throw unsafeValue(path, FORMAT, 'the script is empty');
  const words = argv.map((w) => quotedWord(w, path));
  return words.length === 1 && words[0] === argv[0] ? words[0]! : `"${words.join(' ')}"`;
}

/** A program path without arguments (notify scripts): spaces in the path stay part of it. */
export function kaProgram(value: string, path: string | undefined): string {
  return kaScript([value], path);
}

/**
 * A command line in keepalived's own script syntax: words separated by spaces, a word with spaces in single quotes.
 * Returns the words, or why the text is not such a command line.
 */
export function parseCommandLine(text: string): { words: string[] } | { problem: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (const ch of text) {
    if (quoted) {
      if (ch === "'") quoted = false;
      else word += ch;
    } else if (ch === "'") {
      quoted = true;
      inWord = true;
    } else if (ch === ' ') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quoted) return { problem: 'a single quote is not closed' };
  if (inWord) words.push(word);
  return { words };
}

/** A vrrp_script command line from the stack, re-written so keepalived 1.2 and 2.x both run the same argv. */
export function kaCommand(value: string, path: string | undefined): string {
  refuse(value, path, FORMAT, [[/"/, "use single quotes to keep a word with spaces together (keepalived's script syntax)"]]);
  const parsed = parseCommandLine(value);
  if ('problem' in parsed) throw unsafeValue(path, FORMAT, parsed.problem);
  return kaScript(parsed.words, path);
}

/** The program a rendered script value runs (what kaScript wrote, read back), for staging it in a check. */
export function scriptProgram(rendered: string): string | undefined {
  const inner = rendered.startsWith('"') && rendered.endsWith('"') && rendered.length >= 2 ? rendered.slice(1, -1) : rendered;
  const parsed = parseCommandLine(inner);
  return 'words' in parsed ? parsed.words[0] : undefined;
}
