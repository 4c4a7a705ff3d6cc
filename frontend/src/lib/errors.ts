/** The backend answered 404: the page does not exist (or is not public). */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`Not found: ${what}`);
    this.name = "NotFoundError";
  }
}

/** The backend failed or was unreachable: never shown as a 404. */
export class BackendError extends Error {
  constructor(
    what: string,
    readonly status: number,
  ) {
    super(`The content service failed while loading ${what} (status ${status || "unreachable"})`);
    this.name = "BackendError";
  }
}
