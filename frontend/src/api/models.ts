// Runtime validation of the API data the UI relies on. Every response is parsed here
// where it enters the app, so a contract change fails loudly instead of rendering junk.
import { z } from "zod";
import type { components } from "./schema";

// zod compiles object parsers with `new Function` when it may; our Content-Security-Policy
// forbids eval, so its probe would be reported as a CSP violation on every page that
// parses in the browser. The interpreted parsers are fast enough for these payloads.
z.config({ jitless: true });

type Schemas = components["schemas"];

const nullableUrl = z.string().nullable();

export const renditionSchema = z.object({ url: z.string(), width: z.number(), height: z.number() });

export const imageSchema = z.object({
  id: z.number(),
  alt: z.string(),
  width: z.number(),
  height: z.number(),
  renditions: z.array(renditionSchema),
});
export type ContentImage = z.infer<typeof imageSchema>;

export const authorSchema = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  bio: z.string(),
  photo: imageSchema.nullable(),
});
export type Author = z.infer<typeof authorSchema>;

export const pageLinkSchema = z.object({ id: z.number(), title: z.string(), slug: z.string(), html_url: nullableUrl });
export type PageLink = z.infer<typeof pageLinkSchema>;

const languages = [
  "python", "javascript", "typescript", "html", "css", "bash", "sql", "json", "yaml", "rust", "go", "text",
] as const;

export const blockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), id: z.string(), value: z.string() }),
  z.object({
    type: z.literal("heading"),
    id: z.string(),
    value: z.object({ text: z.string(), level: z.enum(["h2", "h3", "h4"]), anchor: z.string() }),
  }),
  z.object({
    type: z.literal("code"),
    id: z.string(),
    value: z.object({ language: z.enum(languages), filename: z.string(), code: z.string() }),
  }),
  z.object({
    type: z.literal("image"),
    id: z.string(),
    value: z.object({ image: imageSchema.nullable(), caption: z.string() }),
  }),
  z.object({
    type: z.literal("quote"),
    id: z.string(),
    value: z.object({ quote: z.string(), attribution: z.string() }),
  }),
  z.object({
    type: z.literal("callout"),
    id: z.string(),
    value: z.object({ kind: z.enum(["note", "tip", "warning", "danger"]), title: z.string(), body: z.string() }),
  }),
  z.object({
    type: z.literal("embed"),
    id: z.string(),
    value: z.object({ url: z.string().nullable(), caption: z.string() }),
  }),
]);
export type Block = z.infer<typeof blockSchema>;
export type BlockOf<T extends Block["type"]> = Extract<Block, { type: T }>;

/** A code block with its highlighted HTML attached (see highlightCodeBlocks in src/lib/highlight.ts). */
export type HighlightedCodeBlock = BlockOf<"code"> & { html: string };
/** A StreamField block ready to render: code arrives highlighted, so rendering needs no await. */
export type RenderableBlock = Exclude<Block, { type: "code" }> | HighlightedCodeBlock;
export type RenderableBlockOf<T extends RenderableBlock["type"]> = Extract<RenderableBlock, { type: T }>;

export const pageMetaSchema = z.object({
  type: z.string(),
  html_url: nullableUrl.optional(),
  slug: z.string().optional(),
  seo_title: z.string().optional(),
  search_description: z.string().optional(),
  first_published_at: z.string().nullable().optional(),
});

const difficulty = z.enum(["beginner", "intermediate", "advanced"]);

const basePage = {
  id: z.number().nullable(),
  meta: pageMetaSchema,
  title: z.string(),
};

export const blogPostSchema = z.object({
  ...basePage,
  introduction: z.string().default(""),
  hero_image: imageSchema.nullable().default(null),
  date: z.string().optional(),
  difficulty: difficulty.optional(),
  authors: z.array(authorSchema).default([]),
  tags: z.array(z.string()).default([]),
  categories: z.array(z.object({ name: z.string(), slug: z.string() })).default([]),
  reading_time_minutes: z.number().optional(),
  body: z.array(blockSchema).default([]),
});
export type BlogPost = z.infer<typeof blogPostSchema>;

export const indexPageSchema = z.object({ ...basePage, introduction: z.string().default("") });
export type IndexPage = z.infer<typeof indexPageSchema>;

export const coursePageSchema = z.object({
  ...basePage,
  summary: z.string().default(""),
  difficulty: difficulty.optional(),
  cover_image: imageSchema.nullable().default(null),
  estimated_hours: z.number().optional(),
  authors: z.array(authorSchema).default([]),
  tags: z.array(z.string()).default([]),
});
export type CoursePageData = z.infer<typeof coursePageSchema>;

export const lessonPageSchema = z.object({
  ...basePage,
  summary: z.string().default(""),
  estimated_minutes: z.number().optional(),
  body: z.array(blockSchema).default([]),
  // A preview lists the draft's exercises; a new one has no id until it is saved.
  exercises: z.array(z.object({ id: z.number().nullable(), title: z.string() })).default([]),
});
export type LessonPageData = z.infer<typeof lessonPageSchema>;

export const listingSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    // total_count_is_capped: a search by relevance counted only its newest matches.
    meta: z.object({ total_count: z.number(), total_count_is_capped: z.boolean().default(false) }),
    items: z.array(item),
  });

export const progressSchema = z.object({
  completed_lessons: z.number(),
  total_lessons: z.number(),
  percentage: z.number().min(0).max(100),
  resume_lesson: pageLinkSchema.nullable(),
  last_activity_at: z.string().nullable(),
});
export type Progress = z.infer<typeof progressSchema>;

export const courseSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  slug: z.string(),
  html_url: nullableUrl,
  summary: z.string(),
  difficulty: z.string(),
  estimated_hours: z.number(),
  cover_image: imageSchema.nullable(),
  lesson_count: z.number(),
  enrolled: z.boolean().nullable(),
  progress: progressSchema.nullable(),
});
export type CourseSummary = z.infer<typeof courseSummarySchema>;

export const lessonOutlineSchema = z.object({
  id: z.number(),
  title: z.string(),
  slug: z.string(),
  html_url: nullableUrl,
  summary: z.string(),
  estimated_minutes: z.number(),
  exercise_count: z.number(),
  completed: z.boolean().nullable(),
});

export const courseDetailSchema = courseSummarySchema.extend({
  objectives: z.array(z.string()),
  prerequisites: z.array(pageLinkSchema),
  authors: z.array(authorSchema),
  tags: z.array(z.string()),
  lessons: z.array(lessonOutlineSchema),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;

export const lessonDetailSchema = z.object({
  id: z.number(),
  title: z.string(),
  slug: z.string(),
  html_url: nullableUrl,
  summary: z.string(),
  estimated_minutes: z.number(),
  body: z.array(blockSchema),
  course: pageLinkSchema,
  previous: pageLinkSchema.nullable(),
  next: pageLinkSchema.nullable(),
  exercises: z.array(z.object({ id: z.number(), title: z.string() })),
  completed: z.boolean().nullable(),
});
export type LessonDetail = z.infer<typeof lessonDetailSchema>;

export const exerciseSchema = z.object({
  id: z.number(),
  title: z.string(),
  instructions: z.string(),
  language: z.string(),
  starter_code: z.string(),
  time_limit_seconds: z.number(),
  memory_limit_mb: z.number(),
  lesson: pageLinkSchema,
  tests: z.array(z.object({ name: z.string(), code: z.string(), weight: z.number() })),
  hidden_test_count: z.number(),
});
export type Exercise = z.infer<typeof exerciseSchema>;

export const submissionStatuses = ["queued", "running", "passed", "failed", "error", "timeout", "memory"] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const testDetailSchema = z.object({
  call: z.string().optional(),
  operator: z.enum(["==", "!=", "is", "is not", "in"]).optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  error: z
    .object({ type: z.string(), message: z.string(), line: z.number().nullable(), text: z.string().optional() })
    .optional(),
});
export type TestDetail = z.infer<typeof testDetailSchema>;

export const testResultSchema = z.object({
  name: z.string(),
  status: z.enum(["passed", "failed", "error"]),
  hidden: z.boolean(),
  weight: z.number(),
  message: z.string().optional(),
  output: z.string().optional(),
  duration_ms: z.number().optional(),
  detail: testDetailSchema.nullable().optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const submissionSchema = z.object({
  id: z.number(),
  exercise: z.number().nullable(),
  exercise_title: z.string(),
  lesson_title: z.string(),
  course_title: z.string(),
  status: z.enum(submissionStatuses),
  score: z.number().nullable(),
  message: z.string(),
  results: z.array(testResultSchema),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;

export const streakSchema = z.object({
  current_days: z.number(),
  longest_days: z.number(),
  last_active_on: z.string().nullable(),
});

export const dashboardSchema = z.object({
  streak: streakSchema,
  courses: z.array(z.object({ course: pageLinkSchema, progress: progressSchema })),
  recent_submissions: z.array(submissionSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const profileSchema = z.object({
  id: z.number(),
  email: z.string(),
  display_name: z.string(),
  bio: z.string(),
  avatar_url: z.string().nullable(),
  is_staff: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

export const apiErrorSchema = z.object({
  status: z.number(),
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

// Compile-time ties to the generated contract: if the document changes a shape the UI
// relies on, `make client` regenerates schema.d.ts and these lines stop compiling.
type Assignable<A, B> = [A] extends [B] ? true : false;
export const contractChecks: [
  Assignable<Schemas["ContentImage"], ContentImage>,
  Assignable<Schemas["ArticleBlock"]["type"], Block["type"]>,
  Assignable<Schemas["Submission"]["status"], SubmissionStatus>,
  Assignable<Schemas["Progress"]["percentage"], Progress["percentage"]>,
  Assignable<Schemas["ProfileOutput"]["email"], Profile["email"]>,
] = [true, true, true, true, true];
