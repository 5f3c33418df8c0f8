import ts from "typescript";

/**
 * What a TypeScript file reaches for, read from its syntax tree rather than with a regex: every module it imports
 * in any form, and every use of the clock, randomness or the process. A regex over `import ... from` lines misses
 * side-effect imports, `import()`, `require` and `export ... from`; the syntax tree sees them all.
 */
export interface SourceFacts {
  /** Module specifiers as written; an `import()` or `require` of a computed name shows as COMPUTED. */
  imports: string[];
  /** `Date.now`, `new Date()` without arguments, `Math.random`, `process`: what makes a function impure. */
  impurities: string[];
}

/** A module name nobody can allow: the file loads something chosen at run time. */
export const COMPUTED = "<computed module name>";

export function sourceFacts(fileName: string, text: string): SourceFacts {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports: string[] = [];
  const impurities: string[] = [];
  const moduleName = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : COMPUTED);

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      imports.push(moduleName(node.moduleSpecifier));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      imports.push(moduleName(node.moduleReference.expression));
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      imports.push(moduleName(node.argument.literal));
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) imports.push(moduleName(node.arguments[0]));
      if (ts.isIdentifier(callee) && callee.text === "require") imports.push(moduleName(node.arguments[0]));
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const used = `${node.expression.text}.${node.name.text}`;
      if (used === "Date.now" || used === "Math.random") impurities.push(used);
      if (used === "globalThis.process") impurities.push("process");
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Date") {
      if ((node.arguments ?? []).length === 0) impurities.push("new Date()");
    }
    if (ts.isIdentifier(node) && node.text === "process" && !isPropertyName(node)) impurities.push("process");
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { imports, impurities };
}

/** `x.process` or `{ process: 1 }` names a property, not the global. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  return (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node;
}
