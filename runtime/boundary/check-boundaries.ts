import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * DESIGN.md §3 as code: which folder may import what, and where DOM globals may appear.
 * It parses every file with the TypeScript compiler, so comments and strings never count.
 *
 * - runtime/ never imports svelte, $app, $lib, $studio or SvelteKit, and never touches DOM globals.
 * - runtime/'s browser-safe modules never import Node built-ins or Node-only runtime modules.
 * - studio/ never imports server-only code: $lib/server, Node built-ins, database or server libraries,
 *   or Node-only runtime modules.
 */
export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const UI_IMPORTS = [/^svelte($|\/)/, /^\$app\//, /^\$lib($|\/)/, /^\$studio($|\/)/, /^@sveltejs\//];
const DOM_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'HTMLElement', 'location', 'alert']);
const SERVER_LIBRARIES = [/^node:/, /^(fs|path|os|child_process|worker_threads|crypto|net|http|https|stream)$/, /^pg$/, /^@electric-sql\/pglite/, /^pino/, /^prom-client/, /^kysely/, /^ssh2/, /^\$lib\/server/, /^@trpc\/server/];
/** runtime/ folders that run only in Node. Everything else in runtime/ must stay browser-safe. */
export const NODE_ONLY_RUNTIME = ['app', 'auth', 'audit', 'bench', 'boundary', 'bundle', 'cli', 'config.ts', 'datasets', 'ingest', 'observability', 'runner', 'runs', 'store'];
/** Node-only parts of browser-safe modules: a `node/` subfolder, or a `*.node.ts` file. */
const NODE_ONLY_FILE = /\.node\.ts$|\/node\//;

function isNodeOnlyRuntime(rel: string): boolean {
  const [top, sub] = rel.split('/');
  if (top !== 'runtime') return false;
  return NODE_ONLY_RUNTIME.includes(sub) || NODE_ONLY_FILE.test(rel);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'fixtures' || name === '__snapshots__') continue;
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(full);
  }
  return out;
}

function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

function importsAndGlobals(file: string, text: string) {
  const source = ts.createSourceFile(file, scriptOf(file, text), ts.ScriptTarget.Latest, true);
  const imports: { spec: string; line: number }[] = [];
  const globals: { name: string; line: number }[] = [];
  const declared = declaredNames(source);
  const lineOf = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ spec: node.moduleSpecifier.text, line: lineOf(node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      imports.push({ spec: node.arguments[0].text, line: lineOf(node) });
    } else if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text) && !declared.has(node.text) && isGlobalReference(node)) {
      globals.push({ name: node.text, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, globals };
}

/** Names the file declares itself (variables, parameters, functions, imports): a local `location` is no DOM global. */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isBindingElement(node) || ts.isImportSpecifier(node) || ts.isImportClause(node)) && node.name && ts.isIdentifier(node.name)) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** An identifier used as a value, not a property name, declaration or type member. */
function isGlobalReference(node: ts.Identifier): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p)) && p.name === node) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === node) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isQualifiedName(p)) return false;
  return true;
}

/** The repository-relative target of a relative import, or undefined for a package import. */
function resolveRelative(root: string, file: string, spec: string): string | undefined {
  if (spec.startsWith('$runtime/')) return `runtime/${spec.slice('$runtime/'.length)}`;
  if (!spec.startsWith('.')) return undefined;
  return path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
}

export function checkBoundaries({ root }: { root: string }): Violation[] {
  const violations: Violation[] = [];
  for (const top of ['runtime', 'studio']) {
    let files: string[];
    try { files = sourceFiles(path.join(root, top)); } catch { continue; }
    for (const file of files) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const { imports, globals } = importsAndGlobals(file, readFileSync(file, 'utf8'));
      const add = (line: number, message: string) => violations.push({ file: rel, line, message });
      for (const { spec, line } of imports) {
        const target = resolveRelative(root, file, spec);
        if (top === 'runtime') {
          if (UI_IMPORTS.some((r) => r.test(spec))) add(line, `runtime/ imports \`${spec}\`: the engine must not depend on the UI (DESIGN.md §3)`);
          if (!isNodeOnlyRuntime(rel) && (SERVER_LIBRARIES.some((r) => r.test(spec)) || (target && isNodeOnlyRuntime(target)))) {
            add(line, `browser-safe ${rel} imports Node-only \`${spec}\`: move the Node part to a Node-only module`);
          }
        } else if (SERVER_LIBRARIES.some((r) => r.test(spec)) || (target && isNodeOnlyRuntime(target))) {
          add(line, `studio/ imports server-only \`${spec}\`: call the server through the API instead`);
        }
      }
      if (top === 'runtime') {
        for (const { name, line } of globals) add(line, `runtime/ uses the DOM global \`${name}\`: the engine runs in Node and in workers`);
      }
    }
  }
  return violations;
}
