import type { TeamProfile } from "../team-profile.js";
import { profile as mixedAutomationFirstWeakGovernance } from "./mixed-automation-first-weak-governance.js";
import { profile as mixedRegulatedGovernanceHeavy } from "./mixed-regulated-governance-heavy.js";
import { profile as mixedSeed000L3SweetSpot } from "./mixed-seed000-l3-sweet-spot.js";
import { profile as mixedSoftwareHeavyNotebookTraining } from "./mixed-software-heavy-notebook-training.js";
import { profile as mixedStrongDataNoMonitoring } from "./mixed-strong-data-no-monitoring.js";
import { profile as uniformL0NoMlops } from "./uniform-l0-no-mlops.js";
import { profile as uniformL1DevopsNoMlops } from "./uniform-l1-devops-no-mlops.js";
import { profile as uniformL2AutomatedTraining } from "./uniform-l2-automated-training.js";
import { profile as uniformL3AutomatedDeployment } from "./uniform-l3-automated-deployment.js";
import { profile as uniformL4FullMlops } from "./uniform-l4-full-mlops.js";

export const profiles: TeamProfile[] = [
  uniformL0NoMlops,
  uniformL1DevopsNoMlops,
  uniformL2AutomatedTraining,
  uniformL3AutomatedDeployment,
  uniformL4FullMlops,
  mixedStrongDataNoMonitoring,
  mixedSeed000L3SweetSpot,
  mixedSoftwareHeavyNotebookTraining,
  mixedRegulatedGovernanceHeavy,
  mixedAutomationFirstWeakGovernance,
];
