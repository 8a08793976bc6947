export interface ServeOptions {
  /** Folder to serve (default dist). */
  dir?: string;
  /** Sub-path the site is mounted at, with leading and trailing slash (default /). */
  base?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  headers?: Record<string, string>;
  /** Told of every response: the URL's path, the status and the bytes of the body sent. */
  onServe?: (pathname: string, status: number, bytes: number) => void;
}
export interface Server {
  /** The site's address, ending with the base path. */
  url: string;
  close(): Promise<void>;
}
export function serve(options?: ServeOptions): Promise<Server>;
