"use client";
import { useEffect, useState } from "react";
import { SESSION_EVENT, knownSession, session, type AuthOutcome } from "./auth";

export type SessionState = { status: "loading" } | { status: "done"; outcome: AuthOutcome };

/** The learner's session, loaded in the browser only (never part of a cached page). */
export function useSession(): SessionState {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    const show = (outcome: AuthOutcome) => live && setState({ status: "done", outcome });
    const load = () => session().then(show);
    void knownSession().then(show);
    window.addEventListener(SESSION_EVENT, load);
    return () => {
      live = false;
      window.removeEventListener(SESSION_EVENT, load);
    };
  }, []);
  return state;
}

export const isSignedIn = (state: SessionState) => state.status === "done" && state.outcome.kind === "signed-in";
