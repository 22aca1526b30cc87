import { ValidationErrors, ValidatorFn } from '@angular/forms';

/** Required, where white space alone does not count. */
export const notBlank: ValidatorFn = (control) =>
  String(control.value ?? '').trim().length === 0 ? { required: true } : null;

export function trimmedMaxLength(max: number): ValidatorFn {
  return (control): ValidationErrors | null => {
    const length = String(control.value ?? '').trim().length;
    return length > max ? { maxlength: { requiredLength: max, actualLength: length } } : null;
  };
}
