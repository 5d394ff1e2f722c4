import { inject, Injectable } from '@angular/core';
import {
  authControllerLoginRequest,
  authControllerRegisterRequest,
  type AuthControllerLoginData,
  type AuthControllerRegisterData,
} from '@video-search/sdk/angular';
import { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import { AuthResponse } from './api.types';

@Injectable({ providedIn: 'root' })
export class AuthApiService {
  private readonly api = inject(ApiClient);

  register(body: AuthControllerRegisterData['body']): Observable<AuthResponse> {
    return this.api.send(authControllerRegisterRequest({ body }));
  }

  login(body: AuthControllerLoginData['body']): Observable<AuthResponse> {
    return this.api.send(authControllerLoginRequest({ body }));
  }
}
