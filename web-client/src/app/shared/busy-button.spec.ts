import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { BusyButton } from './busy-button';
import { query } from './testing';

@Component({
  imports: [BusyButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="btn btn-primary"
      appBusyButton
      [busy]="busy()"
      label="Publish"
      busyLabel="Publishing…"
      (click)="clicks = clicks + 1"
    ></button>
  `,
})
class Host {
  readonly busy = signal(false);
  clicks = 0;
}

describe('BusyButton', () => {
  it('shows its label and works while idle', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const button = query<HTMLButtonElement>(fixture, 'button');

    expect(button.textContent?.trim()).toBe('Publish');
    expect(button.disabled).toBe(false);
    expect(button.hasAttribute('aria-busy')).toBe(false);
    expect(button.querySelector('.spinner-border')).toBeNull();
    expect(button.classList).toContain('btn-primary');
    button.click();
    expect(fixture.componentInstance.clicks).toBe(1);
  });

  it('shows a spinner hidden from screen readers and the busy label, and takes no clicks', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.busy.set(true);
    await fixture.whenStable();
    const button = query<HTMLButtonElement>(fixture, 'button');

    expect(button.textContent?.trim()).toBe('Publishing…');
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.querySelector('.spinner-border')?.getAttribute('aria-hidden')).toBe('true');
    button.click();
    expect(fixture.componentInstance.clicks).toBe(0);

    fixture.componentInstance.busy.set(false);
    await fixture.whenStable();
    expect(button.textContent?.trim()).toBe('Publish');
    expect(button.disabled).toBe(false);
  });
});
