/**
 * The four workspaces (工作区) of the workbench, in tab order. Each is described by message keys;
 * none is built yet, so the shell shows what each will hold.
 */
import type { MessageKey } from './messages';

/** Identifier of a workspace; also its URL hash (`#compare`). */
export type WorkspaceId = 'compare' | 'prepayment' | 'trainer' | 'validation';

/** What the shell needs to show one workspace. */
export interface WorkspaceSpec {
  id: WorkspaceId;
  /** Tab label. */
  title: MessageKey;
  /** Who the workspace is for, in one sentence. */
  audience: MessageKey;
  /** What the workspace will hold, one list item each. */
  plan: readonly MessageKey[];
}

/** The workspaces in tab order; the first opens when the URL names none. */
export const WORKSPACES: readonly WorkspaceSpec[] = [
  {
    id: 'compare',
    title: 'compare.title',
    audience: 'compare.audience',
    plan: ['compare.item1', 'compare.item2', 'compare.item3'],
  },
  {
    id: 'prepayment',
    title: 'prepayment.title',
    audience: 'prepayment.audience',
    plan: ['prepayment.item1', 'prepayment.item2', 'prepayment.item3', 'prepayment.item4'],
  },
  {
    id: 'trainer',
    title: 'trainer.title',
    audience: 'trainer.audience',
    plan: ['trainer.item1', 'trainer.item2', 'trainer.item3'],
  },
  {
    id: 'validation',
    title: 'validation.title',
    audience: 'validation.audience',
    plan: ['validation.item1', 'validation.item2', 'validation.item3'],
  },
];

/** The workspace that opens by default. */
export const DEFAULT_WORKSPACE: WorkspaceId = 'compare';

/** True when `value` is the id of a workspace. */
export function isWorkspaceId(value: string): value is WorkspaceId {
  return WORKSPACES.some((w) => w.id === value);
}
