import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly description?: string;
  readonly isRequired?: boolean;
  readonly multiline?: boolean;
  readonly type?: 'text' | 'email' | 'tel' | 'date';
  /** A client-side check: the message to show, or nothing when the value is fine. */
  readonly check?: (value: string) => string | undefined;
}

/** A labelled text field with its help text and its error, from the client's check or the service's answer (by `name`). */
export function Field({ name, label, value, onChange, description, isRequired, multiline, type = 'text', check }: FieldProps) {
  return (
    <TextField
      name={name}
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      type={type}
      className="field"
      validate={(v) => (v === '' ? undefined : check?.(v))}
    >
      <Label>{label}</Label>
      {multiline ? <TextArea rows={3} /> : <Input />}
      {description && <Text slot="description">{description}</Text>}
      <FieldError className="field-error" />
    </TextField>
  );
}
