// Small display helpers without React, so they are unit-tested in Node.

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Long paths keep their end (folder and file name), which is what tells two files apart. */
export function shortPath(path: string, max = 48): string {
  if (path.length <= max) return path;
  const separator = path.includes('\\') ? '\\' : '/';
  const parts = path.split(/[\\/]/);
  let tail = parts.pop() ?? path;
  while (parts.length > 0 && tail.length + (parts[parts.length - 1]?.length ?? 0) + 3 <= max) {
    tail = `${parts.pop()}${separator}${tail}`;
  }
  return `…${separator}${tail}`;
}
