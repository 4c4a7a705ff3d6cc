"use client";
// The personal parts of course and lesson pages, loaded once the page has hydrated.
// Until the session is known they have nothing to show, and they bring the learning
// API's client and validators (zod) with them: kept out of the first load, the page
// becomes interactive sooner.
import dynamic from "next/dynamic";

export const CourseProgressPanel = dynamic(
  () => import("@/components/learning/CourseProgressPanel").then((module) => module.CourseProgressPanel),
  {
    ssr: false,
    loading: () => (
      <div className="notice" aria-busy="true">
        Loading your progress…
      </div>
    ),
  },
);

export const LessonCompletion = dynamic(
  () => import("@/components/learning/LessonCompletion").then((module) => module.LessonCompletion),
  { ssr: false },
);
