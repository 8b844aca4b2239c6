// Everything the benchmark starts (servers, browsers, temporary folders and schemas) registers how to
// undo itself here; bench/run.ts runs the list at the end, also after a failure or Ctrl-C.
type Task = () => unknown;
const tasks: Task[] = [];

/** Registers fn; returns a function that runs it now (once) and takes it off the list. */
export function onCleanup(fn: Task): () => Promise<void> {
  let done = false;
  const task: Task = async () => {
    if (done) return;
    done = true;
    await fn();
  };
  tasks.push(task);
  return async () => {
    const i = tasks.indexOf(task);
    if (i >= 0) tasks.splice(i, 1);
    await task();
  };
}

/** Runs every registered task, newest first; a failing task does not stop the others. */
export async function cleanupAll(): Promise<void> {
  while (tasks.length) {
    const task = tasks.pop() as Task;
    try {
      await task();
    } catch {
      // best effort
    }
  }
}
