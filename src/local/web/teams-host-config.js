/** How Teams' light theme dresses an Adaptive Card: its font, colours and spacing. */
const colour = (normal, subtle) => ({ default: normal, subtle });

export const TEAMS_HOST_CONFIG = {
  fontFamily: '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#e1dfdd' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#ffffff',
      foregroundColors: {
        default: colour('#242424', '#616161'),
        accent: colour('#5b5fc7', '#4f52b2'),
        good: colour('#237b4b', '#237b4b'),
        warning: colour('#835c00', '#835c00'),
        attention: colour('#c4314b', '#c4314b'),
        dark: colour('#242424', '#616161'),
        light: colour('#ffffff', '#f5f5f5'),
      },
    },
    emphasis: {
      backgroundColor: '#f5f5f5',
      foregroundColors: { default: colour('#242424', '#616161') },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  inputs: { label: { requiredInputs: { suffix: ' *' } } },
};
