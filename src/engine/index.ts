export * from "./answers.js";
export * from "./compare.js";
export * from "./explain.js";
export * from "./model-schema.js";
export * from "./questions.js";
export * from "./recommend.js";
export * from "./score.js";
