/**
 * A cursor over a command's words with the readers every grammar needs: a word, a mention,
 * a RAG word, a date, and the rest of the text verbatim. Each reader throws an AppError that says
 * what was expected, so grammars stay short.
 */
import type { Day } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { parseDateAtStart } from '../src/domain/parse-date.js';
import { parseRagTokens, type Rag } from '../src/domain/rag.js';
import type { Token } from './tokenize.js';

export class Args {
  private index = 0;

  constructor(
    readonly raw: string,
    readonly tokens: Token[],
  ) {}

  get done(): boolean {
    return this.index >= this.tokens.length;
  }

  get remaining(): number {
    return this.tokens.length - this.index;
  }

  peek(offset = 0): string | undefined {
    return this.tokens[this.index + offset]?.text;
  }

  /** The next word; `what` names it in the error if there is none. */
  word(what: string): string {
    const token = this.tokens[this.index];
    if (!token) throw new AppError('bad_input', `Please give ${what}.`);
    this.index += 1;
    return token.text;
  }

  optionalWord(test: (word: string) => boolean): string | undefined {
    const word = this.peek();
    if (word === undefined || !test(word)) return undefined;
    this.index += 1;
    return word;
  }

  /** A mention of a person, the token <person:ID> or <person:ID|name>; returns the platform user id. */
  user(what: string): string {
    const word = this.word(what);
    const id = parseUserMention(word);
    if (id) return id;
    throw new AppError(
      'bad_input',
      `“${word}” is not a Slack mention. Type @ and pick ${what} from the list so Slack links the person.`,
    );
  }

  optionalUser(): string | undefined {
    const id = parseUserMention(this.peek() ?? '');
    if (id) this.index += 1;
    return id ?? undefined;
  }

  /** A channel mention, the token <channel:ID> or <channel:ID|name>; returns the channel id. */
  optionalChannel(): string | undefined {
    const match = /^<channel:([^<>|\s]+)(\|[^<>]*)?>$/.exec(this.peek() ?? '');
    if (!match) return undefined;
    this.index += 1;
    return match[1];
  }

  /**
   * A workstream, or one of its projects after a slash: `WS2`, `practice`, `"Improve Our Practice"`,
   * `WS2/recruitment`, `WS2/"Front door"`. The one way every subcommand names a project.
   */
  target(what: string): { workstream: string; project?: string } {
    const token = this.tokens[this.index];
    this.word(what);
    const [workstream = '', ...project] = token!.parts;
    const name = project.join('/').trim();
    return name ? { workstream, project: name } : { workstream };
  }

  /** The next word, without moving on: for a reader that needs where it is to suggest a fix. */
  get current(): Token | undefined {
    return this.tokens[this.index];
  }

  /** A RAG word; with `optional` (update), single letters and 'completed' are ordinary words. */
  optionalRag(options: { optional?: boolean } = {}): Rag | undefined {
    const found = parseRagTokens(
      this.tokens.slice(this.index).map((t) => t.text),
      options,
    );
    if (!found) return undefined;
    this.index += found.used;
    return found.rag;
  }

  /** A date in any of the users' forms ('31/03', 'next friday', 'in 2 weeks'). */
  date(what: string, today: Day): Day {
    const words = this.tokens.slice(this.index).map((t) => t.text);
    if (words.length === 0)
      throw new AppError('bad_input', `Please give ${what}, such as 31/03/2027, friday or in 2 weeks.`);
    const parsed = parseDateAtStart(words, today);
    if (!parsed.ok)
      throw new AppError(
        'bad_input',
        parsed.message,
        parsed.suggestion ? { example: parsed.suggestion } : {},
      );
    this.index += parsed.used;
    return parsed.day;
  }

  /** Everything after the current word, exactly as typed (quotes and spacing kept). */
  rest(): string {
    const token = this.tokens[this.index];
    this.index = this.tokens.length;
    if (!token) return '';
    const text = this.raw.slice(token.start).trim();
    // A lone quoted phrase is the phrase itself.
    return this.tokens.length - 1 === this.tokens.indexOf(token) && token.quoted ? token.text : text;
  }
}

export function parseUserMention(word: string): string | null {
  const match = /^<person:([^<>|\s]+)(\|[^<>]*)?>$/.exec(word);
  return match ? match[1]! : null;
}
