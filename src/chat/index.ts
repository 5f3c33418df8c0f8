export * from "./actions.js";
export * from "./address.js";
export * from "./dimension-notes.js";
export * from "./forms.js";
export * from "./inbound.js";
export * from "./level-bar.js";
export * from "./outbound.js";
export * from "./ports.js";
