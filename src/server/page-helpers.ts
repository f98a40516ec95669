import { notFound } from "next/navigation";
import { DomainError } from "./errors";

/** For pages: a use case's NOT_FOUND becomes the 404 page; an outage still reaches error.tsx. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
