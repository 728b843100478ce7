/** The four workspaces (工作区) of the workbench, in tab order, with their tab labels. */
import type { MessageKey } from './messages';

/** Identifier of a workspace; also its URL hash (`#compare`). */
export type WorkspaceId = 'compare' | 'prepayment' | 'trainer' | 'validation';

/** What the shell needs to show one workspace. */
export interface WorkspaceSpec {
  id: WorkspaceId;
  /** Tab label. */
  title: MessageKey;
}

/** The workspaces in tab order; the first opens when the URL names none. */
export const WORKSPACES: readonly WorkspaceSpec[] = [
  {
    id: 'compare',
    title: 'compare.title',
  },
  {
    id: 'prepayment',
    title: 'prepayment.title',
  },
  {
    id: 'trainer',
    title: 'trainer.title',
  },
  {
    id: 'validation',
    title: 'validation.title',
  },
];

/** The workspace that opens by default. */
export const DEFAULT_WORKSPACE: WorkspaceId = 'compare';

/** True when `value` is the id of a workspace. */
export function isWorkspaceId(value: string): value is WorkspaceId {
  return WORKSPACES.some((w) => w.id === value);
}
