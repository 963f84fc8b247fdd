import { Button, Checkbox, FieldError, Input, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import { useI18n } from '../i18n/i18n';
import { emptyDraft, isStringList, type Draft } from './draft';
import { resolve, type OpenApiDocument, type Schema } from './schema';

interface FieldProps {
  readonly document: OpenApiDocument;
  readonly schema: Schema;
  readonly name: string;
  /** Dotted path in the body: the key of this field's error. */
  readonly path: string;
  readonly required: boolean;
  readonly value: Draft;
  readonly onChange: (value: Draft) => void;
  readonly errors: Record<string, string>;
}

/**
 * One renderer for every command's form: a field per property of the request schema, chosen by
 * its type (text, date, number, choice, yes/no, list, group), labelled from the catalogue.
 */
export function SchemaFields({ document, schema, path, value, onChange, errors }: Omit<FieldProps, 'name' | 'required'>) {
  const resolved = resolve(document, schema);
  const object = value as Record<string, Draft>;
  return (
    <>
      {Object.entries(resolved.properties ?? {}).map(([name, property]) => (
        <SchemaField
          key={name}
          document={document}
          schema={property}
          name={name}
          path={path ? `${path}.${name}` : name}
          required={!!resolved.required?.includes(name) && !resolve(document, property).nullable}
          value={object[name]}
          onChange={(next) => onChange({ ...object, [name]: next })}
          errors={errors}
        />
      ))}
    </>
  );
}

function SchemaField(props: FieldProps) {
  const { t } = useI18n();
  const { document, name, path, required, value, onChange, errors } = props;
  const schema = resolve(document, props.schema);
  const label = (
    <>
      {t.fields[name] ?? name} <span className="muted">({required ? t.form.required : t.form.optional})</span>
    </>
  );
  const error = errors[path];
  if (schema.type === 'object' || schema.properties) {
    return (
      <fieldset className="group">
        <legend>{label}</legend>
        {error && <p className="field-error">{error}</p>}
        <SchemaFields document={document} schema={schema} path={path} value={value} onChange={onChange} errors={errors} />
      </fieldset>
    );
  }
  if (schema.enum) {
    // null, not '': with '' react-aria takes a value as chosen, and Tab reaches none of the options.
    return (
      <RadioGroup value={value === '' ? null : (value as string)} onChange={onChange} isInvalid={!!error} className="choice-group" orientation="horizontal">
        <Label>{label}</Label>
        {schema.enum.map((option) => (
          <Radio key={String(option)} value={String(option)} className="choice">
            {t.enums[String(option)] ?? String(option)}
          </Radio>
        ))}
        <FieldError className="field-error">{error}</FieldError>
      </RadioGroup>
    );
  }
  if (schema.type === 'boolean') {
    return (
      <Checkbox isSelected={value as boolean} onChange={onChange} className="choice">
        {t.fields[name] ?? name}
      </Checkbox>
    );
  }
  if (schema.type === 'array' && !isStringList(schema)) return <ObjectList {...props} schema={schema} />;
  const multiline = isStringList(schema) || (schema.maxLength ?? 0) > 200;
  const help = schema.format === 'date' ? t.form.dateHelp : isStringList(schema) ? t.form.listHelp : null;
  return (
    <TextField value={value as string} onChange={onChange} isInvalid={!!error} className="field">
      <Label>{label}</Label>
      {multiline ? <TextArea rows={3} /> : <Input inputMode={schema.type === 'integer' || schema.type === 'number' ? 'numeric' : undefined} />}
      {help && (
        <Text slot="description" className="help">
          {help}
        </Text>
      )}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

/** A list of groups (e.g. several payments): each item the same fields, added and removed by buttons. */
function ObjectList({ document, schema, name, path, value, onChange, errors }: FieldProps) {
  const { t } = useI18n();
  const items = value as Draft[];
  return (
    <fieldset className="group">
      <legend>{t.fields[name] ?? name}</legend>
      {items.map((item, index) => (
        <fieldset key={index} className="group">
          <legend>{`${t.fields[name] ?? name} ${index + 1}`}</legend>
          <SchemaFields
            document={document}
            schema={schema.items!}
            path={`${path}.${index}`}
            value={item}
            onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))}
            errors={errors}
          />
          <Button className="button" onPress={() => onChange(items.filter((_, i) => i !== index))}>
            {t.form.remove}
          </Button>
        </fieldset>
      ))}
      <Button className="button" onPress={() => onChange([...items, emptyDraft(document, schema.items!)])}>
        {t.form.add}
      </Button>
    </fieldset>
  );
}
