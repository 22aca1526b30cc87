import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="text-center py-5">
      <h1 class="h3">Page not found</h1>
      <p>There is nothing at this address.</p>
      <a class="btn btn-primary" routerLink="/articles">Go to your articles</a>
    </div>
  `,
})
export class NotFound {}
