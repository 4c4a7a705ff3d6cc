// Server-side reads of published content. Each read is cached with tags that the
// revalidation route expires when Wagtail publishes; a 404 becomes notFound(), any
// other failure throws so that error.tsx tells the truth.
// No "server-only" marker: Next refuses it in the Pages Router, whose getStaticProps
// (src/pages/blog/[slug].tsx) reads through here; Next keeps getStaticProps and what
// only it imports out of the browser's bundle.
import { z } from "zod";
import { cachedRead, server, uncachedRead } from "@/api/client";
import {
  blogPostSchema,
  coursePageSchema,
  courseDetailSchema,
  courseSummarySchema,
  exerciseSchema,
  indexPageSchema,
  lessonDetailSchema,
  lessonPageSchema,
  listingSchema,
  pageMetaSchema,
} from "@/api/models";
import { BackendError, NotFoundError } from "./errors";

type ReadResult = { data?: unknown; error?: unknown; response: Response };

function unwrap<T extends z.ZodType>(result: ReadResult, schema: T, what: string): z.infer<T> {
  if (result.response.status === 404) throw new NotFoundError(what);
  if (!result.response.ok || result.data === undefined) throw new BackendError(what, result.response.status);
  const parsed = schema.safeParse(result.data);
  if (!parsed.success) throw new BackendError(`${what} (unexpected shape)`, result.response.status);
  return parsed.data;
}

async function read(what: string, call: () => Promise<ReadResult>): Promise<ReadResult> {
  try {
    return await call();
  } catch {
    throw new BackendError(what, 0);
  }
}

const anyPageSchema = z.object({ id: z.number().nullable(), meta: pageMetaSchema }).loose();
export type AnyPage = z.infer<typeof anyPageSchema>;

export const pathTag = (path: string) => `path:${path}`;
export const typeTag = (type: string) => `type:${type}`;
export const pageTag = (id: number) => `page:${id}`;

/** The full page at a frontend path, e.g. /blog/loops-without-fear/ (any page type). */
export async function pageAtPath(path: string): Promise<AnyPage> {
  const result = await read(path, () =>
    server.GET("/api/v2/pages/find/", {
      params: { query: { html_path: path, fields: "*" } },
      ...cachedRead([pathTag(path)]),
    }),
  );
  // find answers with a redirect to the detail view, which fetch follows.
  return unwrap(result, anyPageSchema, path);
}

export const asBlogPost = (page: unknown, what = "post") => unwrap(okResult(page), blogPostSchema, what);
export const asIndexPage = (page: unknown, what = "index") => unwrap(okResult(page), indexPageSchema, what);
export const asCoursePage = (page: unknown, what = "course") => unwrap(okResult(page), coursePageSchema, what);
export const asLessonPage = (page: unknown, what = "lesson") => unwrap(okResult(page), lessonPageSchema, what);

function okResult(data: unknown): ReadResult {
  return { data, response: new Response(null, { status: 200 }) };
}

export type PostFilters = {
  tag?: string;
  category?: string;
  author?: string;
  difficulty?: string;
  search?: string;
  limit?: number;
  offset?: number;
};

const postSummarySchema = blogPostSchema.omit({ body: true });
export type PostSummary = z.infer<typeof postSummarySchema>;
const POST_LIST_FIELDS = "introduction,hero_image,date,difficulty,authors,tags,categories,reading_time_minutes";

export async function listPosts(filters: PostFilters = {}) {
  const { limit = 10, offset = 0, ...rest } = filters;
  const query = Object.fromEntries(
    Object.entries(rest)
      .map(([name, value]) => [name, value?.trim()])
      .filter(([, value]) => value),
  ) as Omit<PostFilters, "limit" | "offset">;
  const result = await read("posts", () =>
    server.GET("/api/v2/pages/", {
      params: { query: { type: "blog.BlogPage", fields: POST_LIST_FIELDS, limit, offset, ...query } },
      ...cachedRead([typeTag("blog.BlogPage")]),
    }),
  );
  if (result.response.status === 400) return { meta: { total_count: 0, total_count_is_capped: false }, items: [], invalid: true as const };
  return { ...unwrap(result, listingSchema(postSummarySchema), "posts"), invalid: false as const };
}

/** Every page of a type, following pagination (for static params, sitemap and feed). */
export async function allPages(type: string): Promise<AnyPage[]> {
  const pages: AnyPage[] = [];
  for (let offset = 0; ; offset += 50) {
    const result = await read(type, () =>
      server.GET("/api/v2/pages/", {
        params: { query: { type, limit: 50, offset } },
        ...cachedRead([typeTag(type)]),
      }),
    );
    const listing = unwrap(result, listingSchema(anyPageSchema), type);
    pages.push(...listing.items);
    if (listing.items.length === 0 || pages.length >= listing.meta.total_count) return pages;
  }
}

export async function listCourses() {
  const result = await read("courses", () =>
    server.GET("/api/v1/courses/", {
      params: { query: { limit: 50 } },
      ...cachedRead([typeTag("courses.CoursePage")]),
    }),
  );
  return unwrap(result, listingSchema(courseSummarySchema), "courses").items;
}

export async function courseDetail(id: number) {
  const result = await read(`course ${id}`, () =>
    server.GET("/api/v1/courses/{course_id}/", {
      params: { path: { course_id: id } },
      ...cachedRead([pageTag(id), typeTag("courses.LessonPage")]),
    }),
  );
  return unwrap(result, courseDetailSchema, `course ${id}`);
}

export async function lessonDetail(id: number) {
  const result = await read(`lesson ${id}`, () =>
    server.GET("/api/v1/lessons/{lesson_id}/", {
      params: { path: { lesson_id: id } },
      ...cachedRead([pageTag(id), typeTag("courses.LessonPage")]),
    }),
  );
  return unwrap(result, lessonDetailSchema, `lesson ${id}`);
}

export async function exerciseDetail(id: number) {
  const result = await read(`exercise ${id}`, () =>
    server.GET("/api/v1/exercises/{exercise_id}/", {
      params: { path: { exercise_id: id } },
      ...cachedRead([`exercise:${id}`, typeTag("courses.LessonPage")]),
    }),
  );
  return unwrap(result, exerciseSchema, `exercise ${id}`);
}

export { pathOfUrl as pathOf } from "./paths";

export type PreviewQuery = { contentType: string; token: string };

/** A draft from Wagtail's preview, never cached. Null when the token is bad, expired or for another page. */
export async function previewPage({ contentType, token }: PreviewQuery): Promise<AnyPage | null> {
  const result = await read("preview", () =>
    server.GET("/api/v2/page_preview/", {
      params: { query: { content_type: contentType, token, fields: "*" } },
      ...uncachedRead(),
    }),
  );
  if (result.response.status === 404 || result.response.status === 400) return null;
  return unwrap(result, anyPageSchema, "preview");
}
