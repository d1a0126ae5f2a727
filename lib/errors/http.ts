// Route handlers answer expected failures as application/problem+json with the status
// of the AppError; anything else is rethrown for Next.js to log and answer 500.
import { NextResponse } from "next/server";
import { AppError } from "./app-error";

export function problemResponse(error: unknown): NextResponse {
  if (error instanceof AppError && error.code !== "INTERNAL" && error.code !== "CONFIGURATION") {
    return NextResponse.json({ title: error.code, status: error.status }, { status: error.status, headers: { "Content-Type": "application/problem+json" } });
  }
  throw error;
}
