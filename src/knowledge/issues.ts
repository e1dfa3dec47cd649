// Knowledge-base problems, collected rather than thrown, so one run reports every broken file.

export type KnowledgeIssueCode =
  | 'unreadable-file'
  | 'missing-folder'
  | 'yaml-syntax'
  | 'schema'
  | 'id-file-mismatch'
  | 'duplicate-id'
  | 'unknown-ref'
  | 'unknown-finding'
  | 'unknown-antibody'
  | 'unknown-tumour'
  | 'unknown-hpo-id'
  | 'obsolete-hpo-id'
  | 'label-mismatch'
  | 'ambiguous-synonym'
  | 'unused-entity'
  | 'placeholder-label'
  | 'risk-group-mismatch'
  | 'unidentified-source';

/** One problem in one knowledge file; `path` is the dotted path inside the file. */
export interface KnowledgeIssue {
  code: KnowledgeIssueCode;
  file: string;
  path: string;
  message: string;
}

/** Render an issue as one line, `file:path: message [code]`. */
export function formatIssue(issue: KnowledgeIssue): string {
  const where = issue.path === '' ? issue.file : `${issue.file}:${issue.path}`;
  return `${where}: ${issue.message} [${issue.code}]`;
}
