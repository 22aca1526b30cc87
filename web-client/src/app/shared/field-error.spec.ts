import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { FieldError } from './field-error';
import { query } from './testing';

@Component({
  imports: [FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-field-error id="title-error" [message]="message()" />`,
})
class Host {
  readonly message = signal<string | null>(null);
}

describe('FieldError', () => {
  it('shows the message as Bootstrap invalid feedback under the id it is given', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const feedback = query(fixture, '#title-error');
    expect(feedback.classList).toContain('invalid-feedback');
    expect(feedback.textContent?.trim()).toBe('');

    fixture.componentInstance.message.set('Enter a title.');
    await fixture.whenStable();
    expect(feedback.textContent?.trim()).toBe('Enter a title.');
  });
});
