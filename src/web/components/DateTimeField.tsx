/**
 * Date and time fields in the chosen language (react-aria): dd-mm-jjjj and 24 hours in Dutch,
 * dd/mm/yyyy and 24 hours in English, typed segment by segment, never the browser's own picker
 * (which follows the browser's locale and shows mm/dd/yyyy and AM/PM).
 *
 * The value is the same wall-clock string a native input gives — "2026-10-06", "15:30",
 * "2026-10-06T15:30" — and, like every time in the programme, it means Amsterdam time; no time zone
 * is attached or converted here. An incomplete entry is "".
 */
import { parseDate, parseDateTime, parseTime, type CalendarDate, type CalendarDateTime, type Time } from '@internationalized/date';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, DateInput, DateSegment, I18nProvider, Label, TimeField } from 'react-aria-components';

export type DateTimeKind = 'date' | 'time' | 'datetime-local';

const pad = (n: number) => String(n).padStart(2, '0');
const dateText = (d: CalendarDate | CalendarDateTime) => `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}`;
const timeText = (t: Time | CalendarDateTime) => `${pad(t.hour)}:${pad(t.minute)}`;

function parse<T>(parser: (value: string) => T, value: string | undefined): T | null {
  if (!value) return null;
  try {
    return parser(value);
  } catch {
    return null;
  }
}

export interface DateTimeFieldProps {
  kind: DateTimeKind;
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  /** Controlled value ("" for none); leave undefined for an uncontrolled field with `defaultValue`. */
  value?: string | undefined;
  defaultValue?: string | undefined;
  onChange?: ((value: string) => void) | undefined;
  /** Called when focus leaves the field, with its value then. */
  onBlur?: ((value: string) => void) | undefined;
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean | undefined;
  disabled?: boolean | undefined;
  name?: string | undefined;
}

export function DateTimeField({ kind, label, help, error, value, defaultValue, onChange, onBlur, min, max, required, disabled, name }: DateTimeFieldProps) {
  const { i18n } = useTranslation();
  const id = useId();
  const current = useRef(value ?? defaultValue ?? '');
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const changed = (text: string) => {
    current.current = text;
    onChange?.(text);
  };
  const common = {
    className: 'field date-field',
    isRequired: required ?? false,
    isDisabled: disabled ?? false,
    isInvalid: Boolean(error),
    // The server checks and explains (a translated field message); the browser must not: with
    // react-aria's native validation an invalid field blocks the form's submit, so a field the
    // server once refused could never be sent again, corrected or not.
    validationBehavior: 'aria' as const,
    'aria-describedby': describedBy,
    onBlur: () => onBlur?.(current.current),
    ...(name ? { name } : {}),
  };
  const segments = (
    <>
      <Label>{label}</Label>
      {help && (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
  const controlled = value !== undefined;
  let field;
  if (kind === 'time') {
    field = (
      <TimeField
        {...common}
        hourCycle={24}
        {...(controlled ? { value: parse(parseTime, value) } : { defaultValue: parse(parseTime, defaultValue) })}
        onChange={(v) => changed(v ? timeText(v) : '')}
      >
        {segments}
      </TimeField>
    );
  } else if (kind === 'date') {
    field = (
      <DateField
        {...common}
        granularity="day"
        {...(controlled ? { value: parse(parseDate, value) } : { defaultValue: parse(parseDate, defaultValue) })}
        {...(min ? { minValue: parse(parseDate, min) } : {})}
        {...(max ? { maxValue: parse(parseDate, max) } : {})}
        onChange={(v) => changed(v ? dateText(v) : '')}
      >
        {segments}
      </DateField>
    );
  } else {
    field = (
      <DateField
        {...common}
        granularity="minute"
        hourCycle={24}
        {...(controlled ? { value: parse(parseDateTime, value) } : { defaultValue: parse(parseDateTime, defaultValue) })}
        {...(min ? { minValue: parse(parseDateTime, min) } : {})}
        {...(max ? { maxValue: parse(parseDateTime, max) } : {})}
        onChange={(v) => changed(v ? `${dateText(v)}T${timeText(v)}` : '')}
      >
        {segments}
      </DateField>
    );
  }
  return <I18nProvider locale={locale}>{field}</I18nProvider>;
}
