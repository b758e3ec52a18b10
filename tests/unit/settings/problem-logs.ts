import type { SettingsProblem } from '../../../lib/settings/settings-problem';

/** The English log lines of settings problems, which name the setting and the value as a developer reads them. */
export const logs = (problems: readonly SettingsProblem[]): string[] => problems.map((problem) => problem.log);
