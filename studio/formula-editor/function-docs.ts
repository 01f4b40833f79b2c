/**
 * Function documentation for the editor, from the same renderer as FUNCTIONS.md, so hover,
 * completion and the reference page never disagree.
 */
import { signature } from '../../runtime/formula/check/arity';
import { paramLine, renderFunction, returns } from '../../runtime/formula/docs/render-reference';
import type { FunctionSpec, ParamSpec } from '../../runtime/formula/library/registry';

/** The reference-page section without its `### NAME` heading (the hover shows the name already). */
export function functionMarkdown(spec: FunctionSpec): string {
  return renderFunction(spec).replace(/^### .*\n\n/, '').trimEnd();
}

/** The doc line and the example: signature help shows the signature and parameters itself. */
export function functionBrief(spec: FunctionSpec): string {
  return `${spec.doc}\n\nExample: \`=${spec.example.formula}\` → \`${spec.example.result}\``;
}

/** `ROUND(number, [num_digits]) → number`: one line for completion lists. */
export function functionSummary(spec: FunctionSpec): string {
  return `${signature(spec)} → ${returns(spec).replace(/`/g, '')}`;
}

/** `number (number, optional): ...` without the list bullet, for signature help. */
export function parameterMarkdown(p: ParamSpec): string {
  return paramLine(p).replace(/^- /, '');
}
