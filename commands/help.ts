/**
 * Help, generated from the registry so it cannot drift from what the commands accept. Help for a
 * group (`help kpi`, `help visit`) lists every form of it, each with its examples.
 */
import { escapeText, toSafeText } from '../src/domain/text.js';
import type { AnySubcommand } from './types.js';

export function overview(subcommands: AnySubcommand[], command: string): string {
  const lines = subcommands.map((s) => `• \`${command} ${escapeText(s.usage)}\`: ${s.summary}`);
  return `*${command}*: keeps the improvement plan up to date from the chat.\n${lines.join('\n')}\nType \`${command} help <subcommand>\` for examples.\nSeveral programmes in this workspace? A command acts on the programme whose board channel it is typed in; elsewhere, add \`--programme "SEND plan"\` (its name or number).`;
}

export function helpFor(subcommands: AnySubcommand[], topic: string, command: string): string {
  const found = topicSubcommands(subcommands, topic);
  if (found.length === 0)
    return `There is no subcommand “${toSafeText(topic)}”.\n\n${overview(subcommands, command)}`;
  return found.map((sub) => oneForm(sub, command)).join('\n\n');
}

function oneForm(sub: AnySubcommand, command: string): string {
  const examples = sub.examples.map((e) => `• \`${command} ${e}\``).join('\n');
  return `*${command} ${escapeText(sub.usage)}*\n${sub.summary}\n*Examples:*\n${examples}`;
}

/**
 * What a help topic names: one subcommand for two words ('action add') or a one-word name with
 * no group ('rag'); every form of a group for its first word ('kpi', 'visits', 'ws').
 */
function topicSubcommands(subcommands: AnySubcommand[], topic: string): AnySubcommand[] {
  const words = topic.toLowerCase().trim().split(/\s+/);
  const names = (s: AnySubcommand) => [s.name, ...(s.aliases ?? [])];
  if (words.length >= 2) {
    const phrase = words.slice(0, 2).join(' ');
    const exact = subcommands.filter((s) => names(s).includes(phrase));
    if (exact.length > 0) return exact;
  }
  const first = words[0] ?? '';
  // The group a first word belongs to: a name's ('kpi'), or a two-word alias's ('ws add').
  const owner =
    subcommands.find((s) => firstWord(s.name) === first) ??
    subcommands.find((s) => (s.aliases ?? []).some((a) => a.includes(' ') && firstWord(a) === first));
  if (owner) return subcommands.filter((s) => firstWord(s.name) === firstWord(owner.name));
  return subcommands.filter((s) => names(s).includes(first));
}

const firstWord = (name: string): string => name.split(' ')[0]!;
