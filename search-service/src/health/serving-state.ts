import { Injectable } from '@nestjs/common';
import { BehaviorSubject, Observable } from 'rxjs';

/** Whether the process takes work; flips to false once shutdown begins so balancers drain it first. */
@Injectable()
export class ServingState {
  private readonly serving$ = new BehaviorSubject<boolean>(true);

  get serving(): boolean {
    return this.serving$.value;
  }

  changes(): Observable<boolean> {
    return this.serving$.asObservable();
  }

  stopServing(): void {
    this.serving$.next(false);
    this.serving$.complete();
  }
}
