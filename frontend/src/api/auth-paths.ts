// django-allauth headless (browser client) is served by the backend but described by
// allauth's own specification, not by openapi/schema.yaml; these are the parts we call,
// typed after its documented shapes. Responses are still validated in lib/auth.ts.

type Json<T> = { content: { "application/json": T } };

export interface AuthUser {
  id: number;
  email: string;
  display?: string;
}

export interface AuthEnvelope {
  status: number;
  data?: { user?: AuthUser; flows?: { id: string; is_pending?: boolean }[] };
  meta?: { is_authenticated?: boolean };
  errors?: { message: string; code: string; param?: string }[];
}

type Post<Body> = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody: Json<Body>;
  responses: { 200: Json<AuthEnvelope>; 400: Json<AuthEnvelope>; 401: Json<AuthEnvelope>; 409: Json<AuthEnvelope> };
};

type Get = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  responses: { 200: Json<AuthEnvelope>; 401: Json<AuthEnvelope>; 410: Json<AuthEnvelope> };
};

type Delete = Get;

export interface authPaths {
  "/auth/session": { get: Get; delete: Delete };
  "/auth/login": { post: Post<{ email: string; password: string }> };
  "/auth/signup": { post: Post<{ email: string; password: string }> };
  "/auth/email/verify": { post: Post<{ key: string }> };
  "/auth/password/request": { post: Post<{ email: string }> };
  "/auth/password/reset": { post: Post<{ key: string; password: string }> };
}
