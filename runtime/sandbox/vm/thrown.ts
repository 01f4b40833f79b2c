/**
 * Describes a thrown value as [name, message] without trusting it. Runs INSIDE QuickJS.
 * User code can throw anything: a Proxy, an object whose `message` getter never returns.
 * Reading only data properties along the prototype chain runs none of its code (a Proxy trap
 * still can, so everything is wrapped, and the call runs under the interrupt deadline).
 */
import { clip } from '../sandbox-error';

function dataProperty(o: object, key: string): unknown {
  for (let p: object | null = o; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return 'value' in d ? d.value : undefined;
  }
  return undefined;
}

export function describeThrown(e: unknown): [string, string] {
  try {
    if (e instanceof Error) {
      const name = dataProperty(e, 'name');
      const message = dataProperty(e, 'message');
      return [typeof name === 'string' ? name : 'Error', typeof message === 'string' ? clip(message) : ''];
    }
    if (typeof e === 'string') return ['Uncaught', clip(e)];
    if (typeof e === 'number' || typeof e === 'boolean' || e === null || e === undefined) return ['Uncaught', String(e)];
    return ['Uncaught', Object.prototype.toString.call(e)];
  } catch {
    return ['Uncaught', 'a value that could not be read'];
  }
}
