/** The builder's form pieces: a section with its heading (listed under "On this page"), checkbox and radio groups. */
import type { ComponentChildren } from 'preact';
import { BUILDER_SECTIONS, toggled, type BuilderSection } from './model';

export function Section({ slug, children }: { slug: BuilderSection; children: ComponentChildren }) {
  const text = BUILDER_SECTIONS.find((s) => s.slug === slug)?.text ?? slug;
  return (
    <section class="cl-builder-section" aria-labelledby={slug}>
      <h2 id={slug}>{text}</h2>
      {children}
    </section>
  );
}

export function Checks<T extends string>(props: {
  legend: string;
  all: readonly T[];
  on: readonly T[];
  label: (item: T) => string;
  set: (next: T[]) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div class="cl-builder-choices">
        {props.all.map((item) => (
          <label key={item}>
            <input
              type="checkbox"
              checked={props.on.includes(item)}
              onChange={(e) => props.set(toggled(props.on, item, e.currentTarget.checked, props.all))}
            />
            {props.label(item)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Radios<T extends string>(props: {
  legend: string;
  name: string;
  all: readonly T[];
  value: T;
  label: (item: T) => string;
  set: (next: T) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div class="cl-builder-choices">
        {props.all.map((item) => (
          <label key={item}>
            <input type="radio" name={props.name} checked={props.value === item} onChange={() => props.set(item)} />
            {props.label(item)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
