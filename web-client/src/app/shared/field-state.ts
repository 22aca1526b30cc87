import { Directive, HostAttributeToken, computed, inject, input } from '@angular/core';

/**
 * Marks an input with its control's message: Bootstrap's `is-invalid`, `aria-invalid`, and an
 * `aria-describedby` that keeps the ids written on the input (help text, counters) and adds
 * `<input id>-error`, the `app-field-error` that shows the message.
 */
@Directive({
  selector: '[appFieldState]',
  host: {
    '[class.is-invalid]': 'invalid()',
    '[attr.aria-invalid]': 'invalid() ? true : null',
    '[attr.aria-describedby]': 'describedBy()',
  },
})
export class FieldState {
  /** The message shown under the control, or null while it has none. */
  readonly message = input.required<string | null>({ alias: 'appFieldState' });

  private readonly errorId = `${inject(new HostAttributeToken('id'))}-error`;
  private readonly help = inject(new HostAttributeToken('aria-describedby'), { optional: true });

  protected readonly invalid = computed(() => Boolean(this.message()));
  protected readonly describedBy = computed(() => {
    const ids = [this.help, this.invalid() ? this.errorId : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  });
}
