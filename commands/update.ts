/**
 * `/improve update <workstream> [red|amber|green] <text>`: a lead's update, echoed in the channel.
 * With no arguments it opens a modal with a workstream picker.
 */
import { z } from 'zod';
import { type Message, type Modal, plain } from '../src/chat/message.js';
import { AppError } from '../src/domain/errors.js';
import { RAG_VALUES, type Rag, ragLabel, ragMark } from '../src/domain/rag.js';
import { ragTypo } from '../src/domain/rag-typos.js';
import { toSafeText } from '../src/domain/text.js';
import { listWorkstreams } from '../src/services/list-workstreams.js';
import { type PostUpdateResult, postUpdate, recordUpdateMessage } from '../src/services/post-update.js';
import type { Args } from './args.js';
import type { ModalHandler, Reply, RequestContext, UnscopedSubcommand } from './types.js';

const input = z.object({
  workstream: z.string().min(1),
  project: z.string().optional(),
  rag: z.enum(RAG_VALUES).optional(),
  text: z.string().min(1, 'Add the text of the update after the workstream.'),
});
type UpdateInput = z.infer<typeof input>;

export const update: UnscopedSubcommand<UpdateInput> = {
  name: 'update',
  // The update's one read chooses its programme (update-in-one-go.ts).
  unscoped: true,
  usage: 'update <workstream>[/<project>] [red|amber|green] <text>',
  summary:
    'Posts an update on a workstream; with a RAG word it also changes the RAG, the text being the reason.',
  examples: [
    'update WS1 Four newly qualified social workers started this week',
    'update workforce amber Recruitment behind plan: 6 of 12 posts filled',
    'update "Improve Our Practice" green Audit of duty team assessments completed',
    'update WS2/"Front door" amber Two of five posts filled',
  ],
  parse: (args) => ({
    ...args.target('a workstream (its code such as WS1, or its name)'),
    rag: readRag(args),
    text: args.rest(),
  }),
  schema: input,
  run: (value, ctx) => postAndEcho(value, ctx),
  modal: (ctx) => updateModal(ctx),
};

/**
 * The RAG is optional here, so only a plain RAG word counts: 'A new duty rota…' is text. A word
 * that looks like a mistyped RAG ('amberr') is refused with the fix, rather than posted as text
 * with the RAG left unchanged.
 */
function readRag(args: Args): Rag | undefined {
  const token = args.current;
  const typo = token && !token.quoted ? ragTypo(token.text) : null;
  if (token && typo)
    throw new AppError(
      'bad_input',
      `“${token.text}” is not a RAG word. Did you mean “${typo}”? Nothing has been posted. (If “${token.text}” is the first word of your update, put it in quotes.)`,
      { fix: { from: token.text, to: typo } },
    );
  return args.optionalRag({ optional: true });
}

async function postAndEcho(value: UpdateInput, ctx: RequestContext): Promise<Reply> {
  const result = await postUpdate(value, ctx.deps, ctx.actor);
  return {
    kind: 'channel',
    message: updateMessage(result),
    ...(result.ragUnchanged ? { confirmation: unchangedNote(result) } : {}),
    afterPost: ({ channelId, messageId }) =>
      recordUpdateMessage(ctx.deps, ctx.actor.workspaceId, result.update.id, channelId, messageId),
  };
}

/** What the channel sees: who, which workstream (or project), the RAG move if any, and the text. */
export function updateMessage({
  update: u,
  workstream,
  project,
  ragChange,
  ragUnchanged,
}: PostUpdateResult): Message {
  const current = (project ?? workstream).rag as Rag;
  const rag = ragChange
    ? `RAG ${ragMark(ragChange.fromRag as never)} ${ragLabel(ragChange.fromRag as never)} → ${ragMark(ragChange.toRag as never)} *${ragLabel(ragChange.toRag as never)}*`
    : `RAG ${ragMark(current)} ${ragLabel(current)}${ragUnchanged ? ' (unchanged)' : ''}`;
  const where = project ? ` / ${toSafeText(project.name)}` : '';
  const heading = `*${workstream.code} ${toSafeText(workstream.name)}${where}*: update`;
  const body = toSafeText(u.text);
  return {
    text: `${workstream.code}${where} update: ${body}`,
    blocks: [
      { type: 'section', text: `${heading}\n${body}` },
      { type: 'context', text: `${rag} · update ${u.id}` },
    ],
  };
}

function unchangedNote({ workstream, project }: PostUpdateResult): Message {
  const subject = project ? `${workstream.code} / ${toSafeText(project.name)}` : workstream.code;
  const rag = ragLabel((project ?? workstream).rag as Rag);
  return plain(`${subject} is already ${rag}, so its RAG is unchanged. Your update is posted.`);
}

async function updateModal(ctx: RequestContext): Promise<Modal> {
  const workstreams = await listWorkstreams(ctx.deps, ctx.actor);
  return {
    callbackId: 'update_modal',
    title: 'Post an update',
    submitLabel: 'Post',
    privateMetadata: JSON.stringify({ channelId: ctx.channelId }),
    inputs: [
      {
        id: 'workstream',
        label: 'Workstream',
        kind: 'select',
        options: workstreams.map((w) => ({ value: w.code, label: `${w.code} ${w.name}`.slice(0, 75) })),
      },
      {
        id: 'rag',
        label: 'RAG (leave empty for no change)',
        kind: 'select',
        optional: true,
        options: RAG_VALUES.map((r) => ({ value: r, label: ragLabel(r) })),
      },
      { id: 'text', label: 'Update (the reason, if the RAG changes)', kind: 'multiline', maxLength: 2000 },
    ],
  };
}

export const updateModalHandler: ModalHandler = {
  callbackId: 'update_modal',
  async submit(values, privateMetadata, ctx) {
    const parsed = input.safeParse({
      workstream: values.workstream ?? '',
      rag: values.rag || undefined,
      text: values.text ?? '',
    });
    if (!parsed.success) return { errors: { text: 'Write the update here.' } };
    const channelId =
      (JSON.parse(privateMetadata || '{}') as { channelId?: string }).channelId ?? ctx.channelId;
    return postAndEcho(parsed.data, { ...ctx, channelId });
  },
};
