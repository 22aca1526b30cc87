import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { FieldState } from './field-state';
import { query } from './testing';

@Component({
  imports: [FieldState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <input id="plain" [appFieldState]="message()" />
    <input id="helped" aria-describedby="helped-help" [appFieldState]="message()" />
  `,
})
class Host {
  readonly message = signal<string | null>(null);
}

describe('FieldState', () => {
  async function render(message: string | null) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.message.set(message);
    await fixture.whenStable();
    return fixture;
  }

  it('leaves a control without a message unmarked, keeping its help text', async () => {
    const fixture = await render(null);
    const plain = query(fixture, '#plain');
    expect(plain.classList).not.toContain('is-invalid');
    expect(plain.hasAttribute('aria-invalid')).toBe(false);
    expect(plain.hasAttribute('aria-describedby')).toBe(false);
    expect(query(fixture, '#helped').getAttribute('aria-describedby')).toBe('helped-help');
  });

  it('marks a control with a message invalid and names the message after its help text', async () => {
    const fixture = await render('Enter a title.');
    const plain = query(fixture, '#plain');
    expect(plain.classList).toContain('is-invalid');
    expect(plain.getAttribute('aria-invalid')).toBe('true');
    expect(plain.getAttribute('aria-describedby')).toBe('plain-error');
    expect(query(fixture, '#helped').getAttribute('aria-describedby')).toBe(
      'helped-help helped-error',
    );
  });

  it('follows the message as it comes and goes', async () => {
    const fixture = await render('Enter a title.');
    fixture.componentInstance.message.set(null);
    await fixture.whenStable();
    const helped = query(fixture, '#helped');
    expect(helped.classList).not.toContain('is-invalid');
    expect(helped.getAttribute('aria-describedby')).toBe('helped-help');
  });
});
