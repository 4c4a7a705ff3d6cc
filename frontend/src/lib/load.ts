import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "./errors";

/** Runs a read; a missing page becomes Next's 404, every other failure stays an error. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
