import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { Spinner } from './spinner';

/**
 * A button that sends a request. While `busy` it shows a spinner and `busyLabel`, says
 * `aria-busy`, and is disabled, so that one click sends one request. It goes on the native
 * button, which keeps its type, classes and click handler:
 *
 * ```html
 * <button type="submit" class="btn btn-primary" appBusyButton
 *   [busy]="state.pending()" label="Sign in" busyLabel="Signing in…"></button>
 * ```
 */
@Component({
  selector: 'button[appBusyButton]',
  imports: [Spinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[disabled]': 'busy()',
    '[attr.aria-busy]': 'busy() || null',
  },
  template: `
    @if (busy()) {
      <app-spinner />
      {{ busyLabel() }}
    } @else {
      {{ label() }}
    }
  `,
})
export class BusyButton {
  readonly label = input.required<string>();
  readonly busyLabel = input.required<string>();
  readonly busy = input.required<boolean>();
}
