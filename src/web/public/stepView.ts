// Turns a journey step into what the templates draw: every label, hint and error in the page's
// language, every value as the reporter typed it (Nunjucks escapes it on the way out).
import type { Translate } from '../../public/i18n/translate.ts';
import type { Field, Step } from '../../public/report/journey.ts';
import type { AnswerValue, FieldError, ReportAnswers } from '../../public/report/validation.ts';

export interface FieldView {
  type: Field['type'];
  name: string;
  label: string;
  isPageHeading: boolean;
  hint: string | undefined;
  value: string;
  items: Array<{ value: string; text: string; hint?: { text: string }; checked: boolean }>;
  error: string | undefined;
  maxLength: number | undefined;
  autocomplete: string;
  spellcheck: boolean | undefined;
  inputType: string;
  classes: string | undefined;
}

export interface StepView {
  title: string;
  hint: string | undefined;
  /** The step's one question is its first field's label or legend, drawn as the page heading. */
  titleOnField: boolean;
  fields: FieldView[];
}

// Only the reporter's own contact details may be filled in by the browser: a postcode or an
// address typed here is of the place seen, not of the person typing.
const AUTOCOMPLETE: Readonly<Record<string, string>> = { contactName: 'name', contactPhone: 'tel', contactEmail: 'email' };
const INPUT_TYPE: Readonly<Record<string, string>> = { contactPhone: 'tel', contactEmail: 'email' };
const NO_SPELLCHECK = new Set(['postcode', 'contactEmail', 'contactPhone', 'reference', 'secret']);
const WIDTH: Readonly<Record<string, string>> = { postcode: 'govuk-input--width-10', contactPhone: 'govuk-input--width-20', reference: 'govuk-input--width-20' };

function chosen(value: AnswerValue | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

export function stepView(step: Step, t: Translate, answers: ReportAnswers, errors: readonly FieldError[]): StepView {
  const titleOnField = step.fields[0] !== undefined && step.fields[0].labelKey === undefined;
  const stepHint = step.hintKey === undefined ? undefined : t(step.hintKey);
  const fields = step.fields.map((field, index): FieldView => {
    const onHeading = titleOnField && index === 0;
    const value = answers[field.name];
    const selected = chosen(value);
    const fieldHint = field.hintKey === undefined ? undefined : t(field.hintKey);
    return {
      type: field.type,
      name: field.name,
      label: field.labelKey === undefined ? t(step.titleKey) : t(field.labelKey) + (field.required || step.atLeastOneOf !== undefined ? '' : ` ${t('common.optional')}`),
      isPageHeading: onHeading,
      hint: onHeading ? [stepHint, fieldHint].filter((text) => text !== undefined).join(' ') || undefined : fieldHint,
      value: typeof value === 'string' ? value : '',
      items: (field.options ?? []).map((option) => ({
        value: option.value, text: t(option.labelKey), checked: selected.includes(option.value),
        ...(option.hintKey === undefined ? {} : { hint: { text: t(option.hintKey) } }),
      })),
      error: errors.find((error) => error.field === field.name)?.message,
      maxLength: field.maxLength,
      autocomplete: AUTOCOMPLETE[field.name] ?? 'off',
      spellcheck: NO_SPELLCHECK.has(field.name) ? false : undefined,
      inputType: INPUT_TYPE[field.name] ?? 'text',
      classes: WIDTH[field.name],
    };
  });
  return { title: t(step.titleKey), hint: titleOnField ? undefined : stepHint, titleOnField, fields };
}

/** The error summary links each message to its field (a radios' or checkboxes' first option has the field's name as its id). */
export function errorList(errors: readonly FieldError[]): Array<{ text: string; href: string }> {
  return errors.map((error) => ({ text: error.message, href: `#${error.field}` }));
}
