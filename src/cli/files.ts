import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";

/** What went wrong with a file or folder, said for the user: the reason and what to do. */
const PROBLEMS: Record<string, string> = {
  ENOENT: "文件或文件夹不存在，请检查路径",
  EACCES: "没有权限，请检查文件和文件夹的权限，或换一个位置",
  EPERM: "没有权限，请检查文件和文件夹的权限，或换一个位置",
  EROFS: "所在的磁盘或文件夹是只读的，请换一个可写的位置",
  ENOSPC: "磁盘空间不足，请清理磁盘后重试",
  EDQUOT: "磁盘配额已用完，请清理后重试",
  EEXIST: "已有同名的文件，请换一个名称或位置",
  ENOTDIR: "路径中有一段是文件而不是文件夹，请检查路径",
  EISDIR: "这是一个文件夹，不是文件",
  EBUSY: "文件被其他程序占用（如 Excel 或 WPS 正打开它），请关闭后重试",
  EMFILE: "同时打开的文件太多，请稍后重试",
  ENFILE: "同时打开的文件太多，请稍后重试",
  ENAMETOOLONG: "路径太长，请换一个较短的路径",
  ELOOP: "路径中的符号链接形成了循环，请检查路径",
  EIO: "读写出错（磁盘或网络故障），请检查后重试",
};

function errnoCode(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : null;
}

/** An error's own words; by shape, since errors from Node's core may come from another realm. */
export function errorText(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(error);
}

/** A file-system error as one Chinese phrase with advice; the error's own (English) words go after it. */
export function fsProblem(error: unknown): { message: string; detail: string } {
  const code = errnoCode(error);
  return {
    message: (code && PROBLEMS[code]) ?? "系统错误，请检查路径后重试",
    detail: errorText(error),
  };
}

export interface ReadFailure {
  code: "file.missing" | "file.notXlsx" | "file.unreadable";
  message: string;
  detail: string;
}

/** The bytes of an input file, or why they cannot be had. */
export async function readInput(file: string): Promise<Uint8Array | ReadFailure> {
  try {
    return await readFile(file);
  } catch (error) {
    const { message, detail } = fsProblem(error);
    const code = errnoCode(error);
    if (code === "ENOENT") return { code: "file.missing", message: "文件不存在，请检查路径和文件名", detail };
    if (code === "EISDIR")
      return { code: "file.notXlsx", message: "这是一个文件夹，不是 .xlsx 工作簿", detail };
    return { code: "file.unreadable", message: `无法读取文件：${message}`, detail };
  }
}

/** A file's identity: the same file under any path (symbolic links followed, hard links alike). */
export async function identity(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** Creates the --out folder when needed; its real path, so that names compare as the files they are. */
export async function prepareOutDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return realpath(dir);
}

/**
 * Where the marked copy of `file` goes in `outDir` (a real path): its own name, else `名.检查.xlsx`,
 * `名.检查2.xlsx`, … — never a path this run already wrote, and never an existing file that is one of
 * the inputs (`protect`: identities, so that a symbolic link, a hard link or another folder's path of
 * the same file counts as that file). Another existing file there (an earlier copy) is replaced.
 */
export async function copyTarget(
  file: string,
  outDir: string,
  protect: ReadonlySet<string>,
  taken: Set<string>,
): Promise<string> {
  const name = basename(file);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 0; ; n += 1) {
    const target = join(outDir, n === 0 ? name : `${stem}.${n === 1 ? "检查" : `检查${n}`}${ext}`);
    if (taken.has(target)) continue;
    const existing = await identity(target);
    if (existing !== null && protect.has(existing)) continue;
    taken.add(target);
    return target;
  }
}

/**
 * Writes `bytes` to `target` through a temporary file in the same folder, renamed into place once it is
 * complete and on disk: a run that is killed or fails leaves the old file (or none), never a partial one.
 */
export async function writeWhole(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(temporary, "wx");
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
