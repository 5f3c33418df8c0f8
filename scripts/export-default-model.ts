/** Prints the default model as YAML: the starting point for an organisation's own model file. */
import { stringify } from "yaml";
import { defaultModelInput } from "../src/engine/default-model/index.js";

process.stdout.write(
  `# mlops-assess default model ${defaultModelInput.version}. Copy, edit, and load with MODEL_FILE or --model.\n${stringify(defaultModelInput, { lineWidth: 0 })}`,
);
