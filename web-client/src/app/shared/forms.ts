import { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Messages for a control's error keys, in the order they should win. */
export type ErrorMessages = Record<string, string>;

/** The message to show under a control, or null while it has none to show yet. */
export function errorMessage(control: AbstractControl, messages: ErrorMessages): string | null {
  const errors = control.errors;
  if (!errors || !control.touched) {
    return null;
  }
  if (typeof errors['server'] === 'string') {
    return errors['server'];
  }
  const key = Object.keys(messages).find((name) => name in errors);
  return key ? messages[key] : 'Check this field.';
}

/**
 * Puts the API's field errors beside their controls (they go away as soon as the field is
 * edited) and returns the messages that belong to no control.
 */
export function showServerErrors(
  form: FormGroup,
  fieldErrors: Record<string, string>,
): string | null {
  const unplaced: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    const control = field ? form.get(field) : null;
    if (control) {
      control.setErrors({ ...control.errors, server: message });
      control.markAsTouched();
    } else {
      unplaced.push(message);
    }
  }
  return unplaced.length > 0 ? unplaced.join(' ') : null;
}

/** Required, where white space alone does not count. */
export const notBlank: ValidatorFn = (control) =>
  String(control.value ?? '').trim().length === 0 ? { required: true } : null;

export function trimmedMaxLength(max: number): ValidatorFn {
  return (control): ValidationErrors | null => {
    const length = String(control.value ?? '').trim().length;
    return length > max ? { maxlength: { requiredLength: max, actualLength: length } } : null;
  };
}
