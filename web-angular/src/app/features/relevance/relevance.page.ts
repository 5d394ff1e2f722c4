import { ChangeDetectionStrategy, Component, viewChild } from '@angular/core';
import { PinnedQueriesComponent } from './pinned-queries.component';
import { ZeroResultDoctorComponent } from './zero-result-doctor.component';

@Component({
  selector: 'app-relevance-page',
  imports: [ZeroResultDoctorComponent, PinnedQueriesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './relevance.page.html',
  styleUrl: './relevance.page.scss',
})
export default class RelevancePage {
  private readonly pinned = viewChild.required(PinnedQueriesComponent);

  protected settingsChanged(): void {
    this.pinned().refresh();
  }
}
