import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The message under a form control. Give it the id the control's `appFieldState` names
 * (`<control id>-error`); Bootstrap shows it once the control before it is `is-invalid`.
 */
@Component({
  selector: 'app-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'invalid-feedback' },
  template: `{{ message() }}`,
})
export class FieldError {
  readonly message = input.required<string | null>();
}
