import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { contextsOf } from "../../src/engine/model-schema.js";
import { seedTable } from "../../src/engine/seed-table.js";

const SEED_FILES = {
  "000": "000_b0b2c3586ac29de7.txt",
  "001": "001_7f6bfb2b07322a62.txt",
  "002": "002_74bed040202da71c.txt",
  "003": "003_b1c68a754a18ffce.txt",
  "004": "004_89b0828ec1e0966b.txt",
} as const;
type Seed = keyof typeof SEED_FILES;

interface Capability {
  capability: string;
  /** The seed files that name the capability, each with a phrase quoted from it (checked when the seeds are here). */
  seeds: Partial<Record<Seed, string>>;
  /** Deep practice or quick question ids that ask about it. */
  questions: string[];
}

/** Every capability the five seed write-ups name, and the questions of the default model that cover it. */
const COVERAGE: Capability[] = [
  {
    capability: "model registry",
    seeds: { "000": "Model registry tracking and management" },
    questions: ["model-registry"],
  },
  { capability: "feature store", seeds: { "000": "a feature store" }, questions: ["shared-feature-store"] },
  {
    capability: "experiment tracking",
    seeds: { "000": "experiments are tracked", "003": "Experiment results tracked" },
    questions: ["experiment-tracking"],
  },
  {
    capability: "version control of code and models",
    seeds: {
      "000": "Code and trained models are version controlled",
      "001": "Version Control",
      "002": "version-controlled",
      "003": "training code and resulting models are version controlled",
    },
    questions: ["application-code-versioned", "data-pipeline-code-versioned", "experiment-tracking", "model-registry"],
  },
  {
    capability: "automated data gathering and preparation (DataOps pipelines)",
    seeds: {
      "000": "Data pipelines gather data and prepare it automatically",
      "001": "data extraction and loading",
      "003": "Data is gathered automatically",
    },
    questions: ["automated-data-gathering"],
  },
  {
    capability: "managed compute and training environment",
    seeds: { "000": "Training environment is fully managed", "003": "Compute managed" },
    questions: ["automated-training-pipeline"],
  },
  {
    capability: "automated model training",
    seeds: {
      "000": "Automated model training",
      "002": "Automated pipelines for training",
      "003": "Automated Training",
    },
    questions: ["automated-training-pipeline"],
  },
  {
    capability: "experiments converted into repeatable scripts and jobs",
    seeds: {
      "000": "convert experimentation into job scripts",
      "003": "convert experiments into repeatable code/scripts",
    },
    questions: ["training-script", "ds-de-joint-pipelines"],
  },
  {
    capability: "automated retraining triggered by production metrics",
    seeds: {
      "000": "Retraining triggered automatically",
      "003": "Retraining is triggered automatically based on production metrics",
      "004": "training pipeline is already connected to production data",
    },
    questions: ["metric-triggered-retraining"],
  },
  {
    capability: "operations retrain without the data science team",
    seeds: { "004": "without the help of the data science team" },
    questions: ["metric-triggered-retraining", "automated-training-pipeline"],
  },
  {
    capability: "automated model testing",
    seeds: {
      "000": "Automated testing of the models",
      "001": "Automated Testing",
      "002": "ML models are tested",
      "003": "Automated Training and Testing",
    },
    questions: ["fully-automated-model-testing"],
  },
  {
    capability: "model test performance",
    seeds: { "000": "Possible model test performance" },
    questions: ["fully-automated-model-testing"],
  },
  {
    capability: "scoring script versioned and tested",
    seeds: { "003": "The scoring script is version controlled and tested" },
    questions: ["scoring-code-tests"],
  },
  {
    capability: "unit and integration tests for application and model",
    seeds: { "003": "Unit and integration tests for each model release" },
    questions: ["app-unit-tests", "release-integration-tests", "model-integration-smoke-test"],
  },
  {
    capability: "CI/CD for models",
    seeds: {
      "000": "CI/CD releases pipelines",
      "001": "continuous integration and continuous delivery",
      "002": "Continuous Integration/Delivery",
      "003": "Model release is handled by CI/CD pipeline",
    },
    questions: ["cd-model-release", "training-feeds-release"],
  },
  {
    capability: "automated releases",
    seeds: { "000": "Automated releases", "003": "Automatic release" },
    questions: ["cd-model-release"],
  },
  {
    capability: "release management policy",
    seeds: { "000": "Release management policy in place" },
    questions: ["cd-model-release", "release-approvals"],
  },
  {
    capability: "automated builds and deployments of the application",
    seeds: { "000": "Automated builds and deployments", "003": "Releases automated" },
    questions: ["automated-app-release"],
  },
  {
    capability: "releases less reliant on the data team",
    seeds: { "003": "Less reliant on data team for implementation" },
    questions: ["cd-model-release", "data-software-together"],
  },
  {
    capability: "dev-test-prod environments (multi-account)",
    seeds: { "001": "Multi-Account Strategies", "004": "Dev-Test-Prod approach" },
    questions: ["cd-model-release"],
  },
  {
    capability: "data drift monitoring",
    seeds: { "002": "data_drift", "004": "data in production can be different from the data the model trained on" },
    questions: ["central-model-monitoring"],
  },
  {
    capability: "pipeline monitoring",
    seeds: { "004": "pipeline monitoring" },
    questions: ["central-model-monitoring"],
  },
  { capability: "data monitoring", seeds: { "004": "data monitoring" }, questions: ["central-model-monitoring"] },
  {
    capability: "infrastructure monitoring",
    seeds: { "004": "infrastructure monitoring" },
    questions: ["central-model-monitoring"],
  },
  {
    capability: "service monitoring and alerting",
    seeds: { "001": "Monitoring and Alerting", "004": "service monitoring" },
    questions: ["service-monitoring"],
  },
  {
    capability: "centralized performance metrics of deployed models",
    seeds: { "000": "Centralized performance metrics of the deployed model", "002": "model_performance" },
    questions: ["central-model-monitoring"],
  },
  {
    capability: "feedback from production models",
    seeds: {
      "000": "Feedback from production models",
      "001": "Feedback Loops",
      "003": "post-deployment metrics gathering",
    },
    questions: ["metric-triggered-retraining", "one-team-to-production-metrics"],
  },
  { capability: "A/B metrics", seeds: { "003": "A/B Metrics" }, questions: ["live-version-comparison"] },
  {
    capability: "failover or fallback model",
    seeds: { "004": "failover model or rules" },
    questions: ["zero-downtime-rollout"],
  },
  {
    capability: "rollback to an older model version",
    seeds: { "004": "older version of the model you could use as a fallback" },
    questions: ["cd-model-release"],
  },
  {
    capability: "zero-downtime rollout",
    seeds: { "003": "Zero Downtime", "004": "no stopping and starting services" },
    questions: ["zero-downtime-rollout"],
  },
  { capability: "load testing", seeds: { "004": "load testing" }, questions: ["live-version-comparison"] },
  { capability: "audit logs", seeds: { "004": "audit logs" }, questions: ["model-version-records"] },
  {
    capability: "access and event logs",
    seeds: { "004": "access and event logs" },
    questions: ["model-version-records"],
  },
  {
    capability: "approvals and sign-offs",
    seeds: { "004": "approvals and sign-offs" },
    questions: ["release-approvals"],
  },
  {
    capability: "access control to production",
    seeds: { "004": "limit access to production systems" },
    questions: ["controlled-release-path"],
  },
  {
    capability: "governance and compliance",
    seeds: { "001": "Governance and Compliance", "002": "governance", "004": "regulatory risks and compliance" },
    questions: ["automated-compliance-checks", "release-approvals"],
  },
  { capability: "data privacy", seeds: { "001": "data privacy and security" }, questions: ["data-privacy-rules"] },
  {
    capability: "collaboration of data scientists, data engineers and software engineers (silos)",
    seeds: {
      "000": "Teams organized around skillset with silos",
      "001": "breaking the silos",
      "002": "collaboration and communication between data scientists and operations professionals",
      "003": "Data team and software team work together",
    },
    questions: ["ds-de-joint-pipelines", "data-software-together"],
  },
  { capability: "knowledge sharing", seeds: { "001": "Knowledge Sharing" }, questions: ["knowledge-sharing"] },
  { capability: "coding standards", seeds: { "001": "Coding Standards" }, questions: ["data-software-together"] },
  {
    capability: "deployment guidelines",
    seeds: { "001": "Deployment Guidelines" },
    questions: ["cd-model-release"],
  },
  {
    capability: "templates and modular, reusable solutions",
    seeds: { "001": "Template Libraries" },
    questions: ["one-team-to-production-metrics"],
  },
  {
    capability: "sandbox experimentation environment",
    seeds: { "001": "Sandbox Environments" },
    questions: ["automated-training-pipeline"],
  },
  {
    capability: "scalable cloud infrastructure",
    seeds: { "001": "Leveraging cloud infrastructure" },
    questions: ["automated-training-pipeline"],
  },
  {
    capability: "data management (data lakes and warehouses)",
    seeds: { "001": "data warehousing and data lakes" },
    questions: ["managed-data-platform"],
  },
  {
    capability: "version control of data, models and environments",
    seeds: { "002": "version control of data, models, and environments" },
    questions: ["production-model-lineage", "automatic-lineage"],
  },
  { capability: "compute tracked", seeds: { "003": "Compute tracked" }, questions: ["automatic-lineage"] },
  {
    capability: "microservices deployment",
    seeds: { "001": "microservices architecture" },
    questions: ["zero-downtime-rollout"],
  },
  {
    capability: "automatic bug tracking",
    seeds: { "003": "Automatic bug tracking" },
    questions: ["fully-automated-model-testing"],
  },
  {
    capability: "deploy data pipelines together with models",
    seeds: { "004": "deploy the data pipelines and models together" },
    questions: ["data-pipeline-deployed-with-model"],
  },
];

/** The capabilities the brief for the default model names; the table may list more, never fewer. */
const MUST_LIST = [
  "model registry",
  "feature store",
  "experiment tracking",
  "version control of code and models",
  "automated data gathering and preparation (DataOps pipelines)",
  "managed compute and training environment",
  "automated model training",
  "automated retraining triggered by production metrics",
  "automated model testing",
  "scoring script versioned and tested",
  "unit and integration tests for application and model",
  "CI/CD for models",
  "automated releases",
  "release management policy",
  "dev-test-prod environments (multi-account)",
  "data drift monitoring",
  "pipeline monitoring",
  "data monitoring",
  "infrastructure monitoring",
  "service monitoring and alerting",
  "centralized performance metrics of deployed models",
  "feedback from production models",
  "A/B metrics",
  "failover or fallback model",
  "rollback to an older model version",
  "zero-downtime rollout",
  "load testing",
  "audit logs",
  "access and event logs",
  "approvals and sign-offs",
  "access control to production",
  "governance and compliance",
  "data privacy",
  "collaboration of data scientists, data engineers and software engineers (silos)",
  "knowledge sharing",
  "coding standards",
  "deployment guidelines",
  "templates and modular, reusable solutions",
  "sandbox experimentation environment",
  "scalable cloud infrastructure",
  "microservices deployment",
  "automatic bug tracking",
  "deploy data pipelines together with models",
];

const seedFilesOf = (row: Capability) => Object.keys(row.seeds).map((s) => SEED_FILES[s as Seed]);

describe("seed coverage", () => {
  const ids = new Set([...defaultModel.deep.map((p) => p.id), ...defaultModel.quick.map((q) => q.id)]);

  it("lists every capability the seeds name", () => {
    const listed = new Set(COVERAGE.map((r) => r.capability));
    expect(MUST_LIST.filter((c) => !listed.has(c))).toEqual([]);
    expect(listed.size).toBe(COVERAGE.length);
  });

  it.each(COVERAGE)("asks about '$capability'", (row) => {
    expect(row.questions.length, `${row.capability}: no question covers it`).toBeGreaterThan(0);
    const missing = row.questions.filter((q) => !ids.has(q));
    expect(missing, `${row.capability}: question ids not in the default model`).toEqual([]);
    expect(Object.keys(row.seeds).length, `${row.capability}: name the seed file(s)`).toBeGreaterThan(0);
  });

  // The seeds live beside the repository, not in it (MLOPS_SEEDS_DIR, ../shared/seeds, or the workplace's shared
  // folder, which a clone anywhere on the build machine still sees); where present, hold every quote to its file.
  const seedsDir =
    [
      process.env.MLOPS_SEEDS_DIR,
      join(import.meta.dirname, "..", "..", "..", "shared", "seeds"),
      "/work/shared/seeds",
    ].find((dir): dir is string => dir !== undefined && existsSync(dir)) ?? "";
  const normalise = (s: string) => s.replace(/\s+/g, " ").replace(/’/g, "'").toLowerCase();
  it.runIf(seedsDir !== "").each(COVERAGE)("'$capability' is named by the seeds it cites", (row) => {
    const unquoted = Object.entries(row.seeds).filter(
      ([seed, quote]) =>
        !normalise(readFileSync(join(seedsDir, SEED_FILES[seed as Seed]), "utf8")).includes(normalise(quote)),
    );
    expect(unquoted, `${row.capability}: quote not found in the seed file`).toEqual([]);
  });

  it("matches the human-readable table in docs/seed-coverage.md", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "seed-coverage.md"), "utf8");
    const cells = (line: string) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim());
    const list = (cell = "") =>
      cell
        .split(",")
        .map((s) => s.replace(/`/g, "").trim())
        .filter(Boolean);
    const lines = doc.split("\n");
    const start = lines.findIndex((line) => line.startsWith("| capability"));
    const end = lines.findIndex((line, i) => i > start && !line.startsWith("|"));
    const rows = lines
      .slice(start + 2, end === -1 ? undefined : end) // after the header and separator
      .map(cells)
      .map(([capability = "", seeds, questions]) => ({ capability, seeds: list(seeds), questions: list(questions) }));
    const expected = COVERAGE.map((row) => ({
      capability: row.capability,
      seeds: seedFilesOf(row),
      questions: row.questions,
    }));
    for (const row of expected) {
      expect(
        rows.find((r) => r.capability === row.capability),
        `${row.capability}: row missing or different in the doc`,
      ).toEqual(row);
    }
    expect(rows.map((r) => r.capability)).toEqual(expected.map((r) => r.capability));
  });
});

describe("statements by level", () => {
  it("match the table in docs/seed-coverage.md, each with the seed lines that place it", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "seed-coverage.md"), "utf8");
    const table = doc.split("<!-- statements:start -->\n")[1]?.split("\n<!-- statements:end -->")[0];
    expect(table).toBe(seedTable(defaultModel));
  });
});

describe("default model shape", () => {
  const questions = [...defaultModel.quick, ...defaultModel.deep];
  const knownSeeds = new Set(Object.values(SEED_FILES).map((file) => `seeds/${file}`));

  it("has 8 dimensions, one quick question each, and at most 40 deep practices for anyone", () => {
    expect(defaultModel.dimensions).toHaveLength(8);
    expect(defaultModel.quick).toHaveLength(8);
    for (const applies of contextsOf(defaultModel)) {
      expect(defaultModel.deep.filter((p) => p.appliesTo.some((t) => applies.includes(t))).length).toBeLessThanOrEqual(
        40,
      );
    }
    expect(defaultModel.levels.map((l) => l.name)).toEqual([
      "No MLOps",
      "DevOps, no MLOps",
      "Automated training",
      "Automated model deployment",
      "Full MLOps automated operations",
    ]);
  });

  it("names one of the five seed files as a source of every question", () => {
    const seedsOf = (source: string[]) => source.map((s) => /^seeds\/\S+/.exec(s)?.[0]).filter((s) => s !== undefined);
    expect(questions.filter((q) => seedsOf(q.source).length === 0).map((q) => q.id)).toEqual([]);
    const unknown = questions.flatMap((q) => seedsOf(q.source).filter((s) => !knownSeeds.has(s)));
    expect(unknown).toEqual([]);
  });

  it("keeps ladder options and practice titles short enough for a chat message", () => {
    expect(defaultModel.quick.flatMap((q) => q.options).filter((o) => o.length > 150)).toEqual([]);
    expect(defaultModel.deep.filter((p) => p.title.length > 60).map((p) => p.id)).toEqual([]);
  });

  it("words every practice for batch and online serving alike, so nobody is asked how they serve", () => {
    expect(defaultModel.context).toBeUndefined();
    expect(defaultModel.deep.filter((p) => !p.appliesTo.includes("all")).map((p) => p.id)).toEqual([]);
  });
});
