/**
 * The host config Microsoft publishes for Teams' light theme (microsoft/AdaptiveCards,
 * samples/HostConfig/microsoft-teams-light.json): Teams' spacing, fonts, colours and, above all, at most six
 * actions in a row. The gallery renders cards with it and the card test validates against it, so a card is judged
 * as Teams would show it, not with the library's defaults. Only the parts that differ from the defaults.
 */
const foreground = {
  default: { default: "#ff252424", subtle: "#bf252424" },
  dark: { default: "#252424", subtle: "#bf252424" },
  light: { default: "#ffffff", subtle: "#fff3f2f1" },
  accent: { default: "#6264a7", subtle: "#8b8cc7" },
  good: { default: "#92c353", subtle: "#e592c353" },
  warning: { default: "#f8d22a", subtle: "#e5f8d22a" },
  attention: { default: "#c4314b", subtle: "#e5c4314b" },
};
const fontSizes = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };
const fontWeights = { lighter: 200, default: 400, bolder: 600 };

export const TEAMS_LIGHT_HOST_CONFIG = {
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: "#EEEEEE" },
  imageSizes: { small: 32, medium: 52, large: 100 },
  fontStyles: {
    default: { fontFamily: "'Segoe UI', Tahoma, Geneva, Verdana, sans-serif", fontSizes, fontWeights },
    monospace: { fontFamily: "'Courier New', Courier, monospace", fontSizes, fontWeights },
  },
  containerStyles: {
    default: { foregroundColors: foreground, backgroundColor: "#ffffff" },
    emphasis: { foregroundColors: foreground, backgroundColor: "#fff9f8f7" },
  },
  actions: {
    maxActions: 6,
    spacing: "Default",
    buttonSpacing: 8,
    showCard: { actionMode: "Inline", inlineTopMargin: 16, style: "emphasis" },
    preExpandSingleShowCardAction: false,
    actionsOrientation: "Horizontal",
    actionAlignment: "Left",
  },
  adaptiveCard: { allowCustomStyle: false },
} as const;
