/** The emoji shortcodes the bot and its users are likely to use, shown as characters. */
const EMOJI = {
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  no_entry: '⛔',
  tada: '🎉',
  memory: '📝',
  memo: '📝',
  calendar: '📆',
  date: '📅',
  spiral_calendar_pad: '🗓️',
  clipboard: '📋',
  bar_chart: '📊',
  chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉',
  bell: '🔔',
  no_bell: '🔕',
  alarm_clock: '⏰',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  thread: '🧵',
  arrow_up: '⬆️',
  arrow_down: '⬇️',
  arrow_right: '➡️',
  arrow_up_small: '🔼',
  arrow_down_small: '🔽',
  small_red_triangle: '🔺',
  small_red_triangle_down: '🔻',
  heavy_minus_sign: '➖',
  heavy_plus_sign: '➕',
  eyes: '👀',
  wave: '👋',
  thumbsup: '👍',
  '+1': '👍',
  clap: '👏',
  raised_hands: '🙌',
  pray: '🙏',
  rotating_light: '🚨',
  fire: '🔥',
  star: '⭐',
  sparkles: '✨',
  bulb: '💡',
  pushpin: '📌',
  round_pushpin: '📍',
  link: '🔗',
  lock: '🔒',
  key: '🔑',
  mag: '🔍',
  information_source: 'ℹ️',
  question: '❓',
  exclamation: '❗',
  speech_balloon: '💬',
  busts_in_silhouette: '👥',
  bust_in_silhouette: '👤',
  office: '🏢',
  classical_building: '🏛️',
  house: '🏠',
  school: '🏫',
  briefcase: '💼',
  page_facing_up: '📄',
  scroll: '📜',
  inbox_tray: '📥',
  outbox_tray: '📤',
  zzz: '💤',
  sleeping: '😴',
  muscle: '💪',
  handshake: '🤝',
  construction: '🚧',
  checkered_flag: '🏁',
  dart: '🎯',
  triangular_flag_on_post: '🚩',
  stopwatch: '⏱️',
  repeat: '🔁',
  arrows_counterclockwise: '🔄',
  new: '🆕',
  soon: '🔜',
  point_right: '👉',
  heavy_exclamation_mark: '❗',
  grey_question: '❔',
};

/**
 * RAG circles are drawn with CSS rather than emoji: many Linux machines have no colour emoji
 * font, and a RAG status must never show as an empty box.
 */
const DOTS = {
  red_circle: 'red',
  large_orange_circle: 'amber',
  large_yellow_circle: 'yellow',
  large_green_circle: 'green',
  large_blue_circle: 'blue',
  white_circle: 'white',
  black_circle: 'black',
  large_purple_circle: 'purple',
};

/** Status marks the bot leans on, drawn the same way: a done tick must never be an empty box. */
const MARKS = {
  white_check_mark: ['✔', 'ok'],
  heavy_check_mark: ['✔', 'ok'],
  x: ['✘', 'bad'],
  rotating_light: ['!', 'alert'],
};

/**
 * Replaces :shortcode: in already-escaped HTML with its character (or a RAG dot); unknown codes
 * stay as typed, like Slack does.
 */
export function emojify(html) {
  return html.replace(/:([a-z0-9_+-]+):/g, (all, name) => {
    if (DOTS[name])
      return `<span class="dot dot-${DOTS[name]}" role="img" aria-label="${name.replace(/_/g, ' ')}" title=":${name}:"></span>`;
    if (MARKS[name]) {
      const [glyph, kind] = MARKS[name];
      return `<span class="mark mark-${kind}" role="img" aria-label="${name.replace(/_/g, ' ')}" title=":${name}:">${glyph}</span>`;
    }
    return EMOJI[name] ?? all;
  });
}
