import { ChangeDetectionStrategy, Component } from '@angular/core';

/**
 * Bootstrap's small spinner. Put it before a text that says what is happening: the spinner is
 * hidden from assistive technology, the text is what a screen reader reads.
 */
@Component({
  selector: 'app-spinner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'spinner-border spinner-border-sm me-1', 'aria-hidden': 'true' },
  template: '',
})
export class Spinner {}
