// Personal learning data, fetched by the browser through the same-origin proxy.
import { z } from "zod";
import { browser } from "@/api/client";
import {
  apiErrorSchema,
  courseDetailSchema,
  dashboardSchema,
  profileSchema,
  submissionSchema,
  type ApiError,
} from "@/api/models";

export type Result<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

type Raw = Promise<{ data?: unknown; error?: unknown; response: Response }>;

const schemaAny = z.unknown();
const lessonStateSchema = z.object({ completed: z.boolean().nullable() });

const UNREACHABLE: ApiError = { status: 0, code: "unreachable", message: "Could not reach the server. Check your connection." };

/** Parses a response into data or the project's one error format. */
export async function settle<T extends z.ZodType>(call: Raw, schema: T): Promise<Result<z.infer<T>>> {
  let result: Awaited<Raw>;
  try {
    result = await call;
  } catch {
    return { ok: false, status: 0, error: UNREACHABLE };
  }
  const { response } = result;
  if (response.ok) {
    const parsed = schema.safeParse(result.data);
    if (parsed.success) return { ok: true, data: parsed.data };
    return { ok: false, status: response.status, error: { status: response.status, code: "bad_response", message: "The server answered unexpectedly." } };
  }
  const error = apiErrorSchema.safeParse(result.error);
  return {
    ok: false,
    status: response.status,
    error: error.success ? error.data : { status: response.status, code: "error", message: "The request failed." },
  };
}

export const loadCourse = (id: number) =>
  settle(browser.GET("/api/v1/courses/{course_id}/", { params: { path: { course_id: id } }, cache: "no-store" }), courseDetailSchema);

export const enrol = (id: number) =>
  settle(browser.PUT("/api/v1/courses/{course_id}/enrolment/", { params: { path: { course_id: id } } }), schemaAny);

export const completeLesson = (id: number) =>
  settle(browser.PUT("/api/v1/lessons/{lesson_id}/completion/", { params: { path: { lesson_id: id } } }), schemaAny);

export const loadLessonState = (id: number) =>
  settle(browser.GET("/api/v1/lessons/{lesson_id}/", { params: { path: { lesson_id: id } }, cache: "no-store" }), lessonStateSchema);

export const submit = (exercise: number, code: string) =>
  settle(browser.POST("/api/v1/submissions/", { body: { exercise, code } }), submissionSchema);

export const loadSubmission = (id: number) =>
  settle(
    browser.GET("/api/v1/submissions/{submission_id}/", { params: { path: { submission_id: id } }, cache: "no-store" }),
    submissionSchema,
  );

export const loadDashboard = () => settle(browser.GET("/api/v1/dashboard/", { cache: "no-store" }), dashboardSchema);

export const loadProfile = () => settle(browser.GET("/api/v1/me/", { cache: "no-store" }), profileSchema);

export const saveProfile = (body: { display_name: string; bio: string }) =>
  settle(browser.PATCH("/api/v1/me/", { body }), profileSchema);


export const FINAL_STATUSES = new Set(["passed", "failed", "error", "timeout", "memory"]);
export const isFinal = (status: string) => FINAL_STATUSES.has(status);
