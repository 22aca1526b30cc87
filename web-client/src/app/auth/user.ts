import type { components } from '../api/schema';

export type User = components['schemas']['User'];
export type LoginRequest = components['schemas']['LoginRequest'];
export type RegisterRequest = components['schemas']['RegisterRequest'];
