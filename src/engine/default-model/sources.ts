/**
 * Where each question comes from: the five seed write-ups the product is built from, and the public anchors
 * summarised in the research notes. Every question names at least one seed file.
 */
export const SEED = {
  redglue: "seeds/000_b0b2c3586ac29de7.txt (Link Redglue maturity model, levels 0-4: people / process / technology)",
  stages: "seeds/001_7f6bfb2b07322a62.txt (stages Initial, Repeatable, Scalable, Reliable and the steps between them)",
  roadmap: "seeds/002_74bed040202da71c.txt (roadmap: manual, pipeline automation, CI/CD, full automation & monitoring)",
  azure: "seeds/003_b1c68a754a18ffce.txt (stages of MLOps maturity, Azure-style levels 0-4)",
  datarobot: "seeds/004_89b0828ec1e0966b.txt (mature MLOps: deployment, monitoring, lifecycle management, governance)",
} as const;

export const ANCHOR = {
  azure: (level: number) => `Azure MLOps maturity model, level ${level}`,
  google: (level: number) => `Google Cloud MLOps level ${level}`,
  aws: (stage: "Initial" | "Repeatable" | "Reliable" | "Scalable") => `AWS MLOps maturity: ${stage}`,
  testScore: (test: string) => `ML Test Score: ${test}`,
  marvelous: (section: string) => `Marvelous MLOps maturity assessment: ${section}`,
} as const;
