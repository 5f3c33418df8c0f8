import type { ModelInput } from "../model-schema.js";

/** Asked first in deep mode, so load tests are never asked of batch-only teams nor delivery checks of online ones. */
export const context: ModelInput["context"] = {
  prompt: "How do your models serve predictions? (Practices that do not apply to you are not asked.)",
  options: [
    { label: "Batch jobs only", applies: ["all", "batch"] },
    { label: "Online / real-time only", applies: ["all", "online"] },
    { label: "Both batch and online", applies: ["all", "batch", "online"] },
    { label: "LLM / GenAI features (with or without classic models)", applies: ["all", "batch", "online", "llm"] },
  ],
};
