/**
 * A modal's private_metadata (the channel to post in, the reminder being answered) goes to Slack
 * and comes back in the submission, so whoever can sign a request can rewrite it: a forged
 * submission from workspace B naming workspace A's board channel made the bot post B's update
 * there. So the metadata we send is sealed with an HMAC bound to the workspace that opened the
 * modal, and a submission's metadata is only believed if the seal holds for the acting workspace.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 's1.';

export interface MetadataSeal {
  /** The metadata as sent to Slack: `s1.<mac>.<text>`. */
  seal(workspaceId: string, text: string): string;
  /** The original text, '' when there was none, or null when it was forged or from another workspace. */
  open(workspaceId: string, sealed: string): string | null;
}

/** Keyed by a key derived from the signing secret, so there is no extra secret to configure. */
export function metadataSeal(signingSecret: string): MetadataSeal {
  const key = createHmac('sha256', signingSecret).update('improvement-bot private_metadata').digest();
  const mac = (workspaceId: string, text: string) =>
    createHmac('sha256', key).update(`${workspaceId}\n${text}`).digest('base64url').slice(0, 32);
  return {
    seal: (workspaceId, text) => `${PREFIX}${mac(workspaceId, text)}.${text}`,
    open(workspaceId, sealed) {
      if (sealed === '') return '';
      if (!sealed.startsWith(PREFIX)) return null;
      const dot = sealed.indexOf('.', PREFIX.length);
      if (dot < 0) return null;
      const given = Buffer.from(sealed.slice(PREFIX.length, dot));
      const text = sealed.slice(dot + 1);
      const expected = Buffer.from(mac(workspaceId, text));
      return given.length === expected.length && timingSafeEqual(given, expected) ? text : null;
    },
  };
}
