/** `/improve rag <workstream>[/<project>] <red|amber|green|complete|not-started> <reason>`. */
import { z } from 'zod';
import type { Modal } from '../src/chat/message.js';
import { AppError } from '../src/domain/errors.js';
import { RAG_VALUES, ragLabel, ragMark } from '../src/domain/rag.js';
import { ragTypo } from '../src/domain/rag-typos.js';
import { toSafeText } from '../src/domain/text.js';
import { changeRag } from '../src/services/change-rag.js';
import { listWorkstreams } from '../src/services/list-workstreams.js';
import type { CommandContext, ModalHandler, Reply, Subcommand } from './types.js';

const input = z.object({
  workstream: z.string().min(1),
  project: z.string().optional(),
  rag: z.enum(RAG_VALUES),
  reason: z.string(),
});
type RagInput = z.infer<typeof input>;

export const rag: Subcommand<RagInput> = {
  name: 'rag',
  usage: 'rag <workstream>[/<project>] <red|amber|green|complete|not-started> <reason>',
  summary: 'Changes the RAG of a workstream or project. The reason is required.',
  examples: [
    'rag WS2 red Audit found 40% of assessments out of timescale',
    'rag workforce/recruitment amber 6 of 12 posts filled',
    'rag WS2/"Front door" green All five posts filled',
    'rag WS5 complete All actions verified by the board',
  ],
  parse(args) {
    const target = args.target('a workstream (its code such as WS2, or its name)');
    const ragValue = args.optionalRag();
    if (!ragValue) throw notARag(args.peek());
    return { ...target, rag: ragValue, reason: args.rest() };
  },
  schema: input,
  run: (value, ctx) => change(value, ctx),
  modal: (ctx) => ragModal(ctx),
};

function notARag(word: string | undefined): AppError {
  if (word === undefined)
    return new AppError('bad_input', 'Say which RAG: red, amber, green, complete or not-started.');
  const typo = ragTypo(word);
  const guess = typo ? ` Did you mean “${typo}”?` : '';
  return new AppError(
    'bad_input',
    `“${word}” is not a RAG.${guess} Use red, amber, green, complete or not-started.`,
    typo ? { fix: { from: word, to: typo } } : {},
  );
}

async function change(value: RagInput, ctx: CommandContext): Promise<Reply> {
  const { workstream, project, change: c } = await changeRag(value, ctx.deps, ctx.actor);
  const subject = project
    ? `${workstream.code} / ${toSafeText(project.name)}`
    : `${workstream.code} ${toSafeText(workstream.name)}`;
  const move = `${ragMark(c.fromRag as never)} ${ragLabel(c.fromRag as never)} → ${ragMark(c.toRag as never)} *${ragLabel(c.toRag as never)}*`;
  const text = `*${subject}*: RAG ${move}\n*Reason:* ${toSafeText(c.reason)}`;
  return {
    kind: 'channel',
    message: {
      text: `${workstream.code} RAG ${ragLabel(c.fromRag as never)} → ${ragLabel(c.toRag as never)}: ${toSafeText(c.reason)}`,
      blocks: [
        { type: 'section', text },
        { type: 'context', text: `Changed by <person:${ctx.actor.userId}>` },
      ],
    },
  };
}

async function ragModal(ctx: CommandContext): Promise<Modal> {
  const workstreams = await listWorkstreams(ctx.deps, ctx.actor);
  return {
    callbackId: 'rag_modal',
    title: 'Change a RAG',
    submitLabel: 'Change',
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
        label: 'New RAG',
        kind: 'select',
        options: RAG_VALUES.map((r) => ({ value: r, label: ragLabel(r) })),
      },
      { id: 'reason', label: 'Reason (what the board needs to know)', kind: 'multiline', maxLength: 2000 },
    ],
  };
}

export const ragModalHandler: ModalHandler = {
  callbackId: 'rag_modal',
  async submit(values, privateMetadata, ctx) {
    const parsed = input.safeParse({
      workstream: values.workstream ?? '',
      rag: values.rag,
      reason: values.reason ?? '',
    });
    if (!parsed.success) return { errors: { rag: 'Choose the new RAG.' } };
    const channelId =
      (JSON.parse(privateMetadata || '{}') as { channelId?: string }).channelId ?? ctx.channelId;
    return change(parsed.data, { ...ctx, channelId });
  },
};
