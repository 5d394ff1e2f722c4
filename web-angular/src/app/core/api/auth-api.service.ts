import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AuthControllerLoginData,
  AuthControllerLoginResponse,
  AuthControllerRegisterData,
  AuthControllerRegisterResponse,
} from '@video-search/sdk/models';
import { Observable } from 'rxjs';
import { AuthResponse } from './api.types';

@Injectable({ providedIn: 'root' })
export class AuthApiService {
  private readonly http = inject(HttpClient);

  register(body: AuthControllerRegisterData['body']): Observable<AuthResponse> {
    return this.http.post<AuthControllerRegisterResponse>('/api/v1/auth/register', body);
  }

  login(body: AuthControllerLoginData['body']): Observable<AuthResponse> {
    return this.http.post<AuthControllerLoginResponse>('/api/v1/auth/login', body);
  }
}
