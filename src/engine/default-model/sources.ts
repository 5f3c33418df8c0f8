/**
 * Source strings for questions. Each names the seed write-up by file and says where in it the capability appears,
 * so a reader can check the claim; the public anchors are the ones summarised in research/maturity-anchors.md.
 */
const FILE = {
  redglue: "seeds/000_b0b2c3586ac29de7.txt",
  pathway: "seeds/001_7f6bfb2b07322a62.txt",
  roadmap: "seeds/002_74bed040202da71c.txt",
  stages: "seeds/003_b1c68a754a18ffce.txt",
  mature: "seeds/004_89b0828ec1e0966b.txt",
} as const;

export const seed = {
  /** Link Redglue's maturity model: levels 0-4 by state, people, process and technology. */
  redglue: (where: string) => `${FILE.redglue} (Link Redglue ${where})`,
  /** The Initial / Repeatable / Scalable / Reliable pathway and the steps it recommends (not tied to a stage). */
  pathway: (where: string) => `${FILE.pathway} (maturity pathway, ${where})`,
  /** "Navigating MLOps Maturity": levels 1-4 from manual process to full automation & monitoring. */
  roadmap: (where: string) => `${FILE.roadmap} (maturity roadmap ${where})`,
  /** "Stages of MLOps maturity": levels 0-4 by people, model creation, model release, application integration. */
  stages: (where: string) => `${FILE.stages} (stages of MLOps maturity, ${where})`,
  /** "What is mature MLOps?": 1 deployment, 2 monitoring, 3 lifecycle management, 4 AI governance. */
  mature: (where: string) => `${FILE.mature} (mature MLOps ${where})`,
};

export const anchor = {
  azure: (level: number, what: string) => `Azure MLOps maturity model L${level}: ${what}`,
  google: (level: 0 | 1 | 2, what: string) => `Google MLOps level ${level}: ${what}`,
  aws: (stage: "Initial" | "Repeatable" | "Reliable" | "Scalable", what: string) => `AWS ${stage}: ${what}`,
  testScore: (test: string, what: string) => `ML Test Score ${test}: ${what}`,
  /** Section and statement numbers of the Marvelous MLOps maturity assessment sheet (items 1-60). */
  marvelous: (section: number, items: string, what: string) => `Marvelous MLOps §${section} ${items}: ${what}`,
};
