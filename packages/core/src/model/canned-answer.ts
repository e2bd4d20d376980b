/** A prepared answer agents insert into a reply by id or by shortcut (F28). */
export interface CannedAnswer {
  id: string;
  workspaceId: string;
  /** Unique in the workspace, e.g. `/hours`; what agents type to pick it. */
  shortcut: string;
  title: string;
  /** The answer's text; `{name}` and `{name|fallback}` are filled in from the contact as in broadcasts. */
  text: string;
  createdAt: number;
  updatedAt: number;
}

export type NewCannedAnswer = Omit<CannedAnswer, 'id' | 'createdAt' | 'updatedAt'>;
export type CannedAnswerPatch = Partial<Pick<CannedAnswer, 'shortcut' | 'title' | 'text'>>;
