/** Whether to color the report: --color/--no-color, then NO_COLOR, then FORCE_COLOR, then whether stderr is a terminal. */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(isTTY);
}
