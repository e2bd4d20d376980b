import type { TemplateContent } from '@tidings/core';

export interface TemplateDraft {
  name: string;
  language: string;
  /** Comma-separated. */
  parameters: string;
}

export const emptyTemplate: TemplateDraft = { name: '', language: 'en', parameters: '' };

/** The template as the library takes it; null while it has no name. */
export function toTemplate(draft: TemplateDraft): TemplateContent | null {
  if (!draft.name.trim()) return null;
  return {
    name: draft.name.trim(),
    language: draft.language.trim(),
    parameters: draft.parameters
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

/** An approved template (name, language, parameters): what goes out where the reply window allows only templates. */
export function TemplateFields({
  legend,
  value,
  onChange,
  required = false,
}: {
  legend: string;
  value: TemplateDraft;
  onChange: (value: TemplateDraft) => void;
  required?: boolean;
}) {
  const field = (key: keyof TemplateDraft, label: string, isRequired: boolean) => (
    <label>
      {label}
      <input
        name={`template-${key}`}
        required={isRequired}
        value={value[key]}
        onInput={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <fieldset>
      <legend>{legend}</legend>
      {field('name', 'Template name', required)}
      {field('language', 'Template language', required)}
      {field('parameters', 'Template parameters (comma-separated)', false)}
    </fieldset>
  );
}
