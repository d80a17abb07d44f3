import * as React from "react";
import { Field, Select } from "@fluentui/react-components";

/** A labelled dropdown over a record of value → label (scales, efficiency methods, phasings). */
export function LabelledSelect<T extends string>({ label, value, options, onChange, testId }: { label: string; value: T; options: Record<string, string>; onChange: (v: T) => void; testId: string }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value as T)} data-testid={testId}>
        {Object.entries(options).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
