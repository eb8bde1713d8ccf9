/**
 * The scenario's interleaving choices, consumed in order at every point where concurrent work
 * could go several ways. A choice is consumed only when there really are several options, so a
 * shrunk (shorter, smaller) list means fewer surprises; an exhausted list always picks option 0.
 */
export class Choices {
  private next = 0;

  constructor(private readonly list: readonly number[]) {}

  /** Index in [0, options). */
  pick(options: number): number {
    if (options <= 1) return 0;
    const value = this.list[this.next];
    if (value === undefined) return 0;
    this.next++;
    return value % options;
  }

  /** A permutation of `items` drawn from the choices; the identity when they run out. */
  order<T>(items: readonly T[]): T[] {
    const rest = items.slice();
    const out: T[] = [];
    while (rest.length > 0) out.push(rest.splice(this.pick(rest.length), 1)[0]!);
    return out;
  }
}
