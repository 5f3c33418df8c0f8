import { type AssessmentModel, type ModelInput, modelSchema } from "../model-schema.js";
import { dataFeatures } from "./data-features.js";
import { deploymentRelease } from "./deployment-release.js";
import { governanceCompliance } from "./governance-compliance.js";
import { context, levels, stages } from "./levels.js";
import { monitoringFeedback } from "./monitoring-feedback.js";
import { reproducibility } from "./reproducibility.js";
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
  version: "1.0.0",
  name: "MLOps maturity (default)",
  levels,
  dimensions: packs.map((p) => p.dimension),
  stages,
  context,
  quick: packs.map((p) => p.quick),
  deep: packs.flatMap((p) => p.deep),
};

export const defaultModel: AssessmentModel = modelSchema.parse(defaultModelInput);
