/** A label name and value. */
export interface Label {
  readonly name: string;
  readonly value: string;
}

/**
 * A mutable label set with the observable behaviour of Prometheus's labels.Builder: setting an
 * empty value deletes the label, and iteration visits the untouched base labels (sorted by name)
 * first and then the set labels in the order they were first set. That order decides which label
 * wins when `labelmap` maps two labels onto one name.
 */
export class LabelBuilder {
  private readonly base: Label[];
  private readonly deleted = new Set<string>();
  private readonly added: Label[] = [];

  /** Starts from `base` (an object of name → value); empty values are ignored. */
  constructor(base: Readonly<Record<string, string>> = {}) {
    this.base = Object.entries(base)
      .filter(([, value]) => value !== '')
      .map(([name, value]) => ({ name, value }))
      .sort((a, b) => compareNames(a.name, b.name));
  }

  /** The value of a label, or '' when absent. */
  public get(name: string): string {
    const added = this.added.find((l) => l.name === name);
    if (added) {
      return added.value;
    }
    if (this.deleted.has(name)) {
      return '';
    }
    return this.base.find((l) => l.name === name)?.value ?? '';
  }

  /** Sets a label; an empty value deletes it. */
  public set(name: string, value: string): void {
    if (value === '') {
      this.delete(name);
      return;
    }
    const index = this.added.findIndex((l) => l.name === name);
    if (index >= 0) {
      this.added[index] = { name, value };
    } else {
      this.added.push({ name, value });
    }
  }

  /** Deletes a label. */
  public delete(name: string): void {
    const index = this.added.findIndex((l) => l.name === name);
    if (index >= 0) {
      this.added.splice(index, 1);
    }
    this.deleted.add(name);
  }

  /** A snapshot of the current labels in the builder's iteration order. */
  public list(): Label[] {
    const baseLeft = this.base.filter((l) => !this.deleted.has(l.name) && !this.added.some((a) => a.name === l.name));
    return [...baseLeft, ...this.added];
  }

  /** The current labels as a plain object with names in sorted order. */
  public labels(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const l of this.list().sort((a, b) => compareNames(a.name, b.name))) {
      out[l.name] = l.value;
    }
    return out;
  }
}

/** Orders label names as Prometheus does (byte-wise on UTF-8, which code-point order matches). */
export function compareNames(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = ca[i].codePointAt(0)! - cb[i].codePointAt(0)!;
    if (d !== 0) {
      return d;
    }
  }
  return ca.length - cb.length;
}
