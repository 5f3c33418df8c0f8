import { type AssessmentModel, type ModelInput, modelSchema } from "../model-schema.js";
import { dataFeatures } from "./data-features.js";
import { deploymentRelease } from "./deployment-release.js";
import { governanceCompliance } from "./governance-compliance.js";
import { levels } from "./levels.js";
import { monitoringFeedback } from "./monitoring-feedback.js";
import { reproducibility } from "./reproducibility.js";
import { stages } from "./stages.js";
import { teamOwnership } from "./team-ownership.js";
import { testingQuality } from "./testing-quality.js";
import { trainingAutomation } from "./training-automation.js";

/** Dimension order is the questionnaire order: people and foundations first, operations and governance last. */
const packs = [
  teamOwnership,
  dataFeatures,
  reproducibility,
  trainingAutomation,
  testingQuality,
  deploymentRelease,
  monitoringFeedback,
  governanceCompliance,
];

export const defaultModelInput: ModelInput = {
  id: "mlops-default",
  // 3.0.0: a new answer scale (fully / partly), statements re-anchored to the seeds with two answers behind every
  // level, no context question. Answers given under 2.x cannot be scored by it (see flows/assess/assess-flow.ts).
  version: "3.0.0",
  name: "MLOps maturity (default)",
  levels,
  dimensions: packs.map((p) => p.dimension),
  stages,
  quick: packs.map((p) => p.quick),
  deep: packs.flatMap((p) => p.deep),
};

export const defaultModel: AssessmentModel = modelSchema.parse(defaultModelInput);
