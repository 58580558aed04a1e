/** Who may act in motcua. Officials are scoped to a unit subtree; citizens and organisations to themselves. */

export const OFFICIAL_ROLES = ['desk_officer', 'specialist', 'leader', 'monitor', 'admin'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

export const APPLICANT_ROLES = ['citizen', 'organization'] as const;
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];

export type Role = OfficialRole | ApplicantRole;
export const ROLES: readonly Role[] = [...APPLICANT_ROLES, ...OFFICIAL_ROLES];

export const ROLE_LABELS = {
  citizen: 'Công dân',
  organization: 'Người đại diện tổ chức',
  desk_officer: 'Cán bộ một cửa',
  specialist: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo đơn vị',
  monitor: 'Văn phòng UBND tỉnh (giám sát)',
  admin: 'Quản trị hệ thống',
} as const satisfies Record<Role, string>;

export function isOfficialRole(role: string): role is OfficialRole {
  return (OFFICIAL_ROLES as readonly string[]).includes(role);
}

export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

/** What each role may do, independent of unit scope. The web app shows navigation from the same table. */
export const CAPABILITIES = [
  'portal.use',
  'dossier.receive',
  'dossier.process',
  'dossier.approve',
  'units.view',
  'officials.view',
  'audit.view',
  'scorecard.view',
  'users.manage',
  'calendar.manage',
  'catalogue.manage',
  'scorecard.manage',
  /** Collect fees at the desk, confirm bank transfers, settle payment tasks and read the reconciliation (kế toán, người thu phí). */
  'payment.manage',
  /** Run and configure the connections to outside systems: the national portal's sync, its mapping, reconciliation (issue 21). */
  'integrations.manage',
  /** Receive, classify, route and answer citizens' feedback (issue 22). */
  'feedback.handle',
  /** Approve an answer to feedback before it is published (the unit's leader). */
  'feedback.approve',
  /** Score one's own unit in a reform-index round and attach evidence; the leader's submission is `par.submit` (issue 23). */
  'par.assess',
  'par.submit',
  /** Keep the reform-index schemes, open and close rounds, appraise the units' scores (the home-affairs department). */
  'par.manage',
  /** Open and close rounds of the province's satisfaction survey and read its monthly aggregate; scorecard.view reads the results (issue 23). */
  'survey.manage',
  /** Keep the province's reform plans (tasks, import, reopening) and its register of legal documents (issue 23). */
  'reform.manage',
  /** Report the progress and completion of the reform tasks one's unit owns, with evidence (issue 23). */
  'reform.report',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ROLE_CAPABILITIES = {
  citizen: ['portal.use'],
  organization: ['portal.use'],
  desk_officer: ['dossier.receive', 'payment.manage', 'units.view', 'officials.view', 'feedback.handle'],
  specialist: ['dossier.process', 'units.view', 'officials.view', 'feedback.handle', 'par.assess', 'reform.report'],
  leader: [
    'dossier.process',
    'dossier.approve',
    'payment.manage',
    'units.view',
    'officials.view',
    'scorecard.view',
    'feedback.handle',
    'feedback.approve',
    'par.assess',
    'par.submit',
    'reform.report',
  ],
  monitor: [
    'units.view',
    'officials.view',
    'audit.view',
    'scorecard.view',
    'catalogue.manage',
    'scorecard.manage',
    'par.manage',
    'survey.manage',
    'reform.manage',
  ],
  admin: [
    'units.view',
    'officials.view',
    'audit.view',
    'scorecard.view',
    'users.manage',
    'calendar.manage',
    'catalogue.manage',
    'scorecard.manage',
    'integrations.manage',
    'par.manage',
    'survey.manage',
    'reform.manage',
  ],
} as const satisfies Record<Role, readonly Capability[]>;

export function hasCapability(role: Role, capability: Capability): boolean {
  return (ROLE_CAPABILITIES[role] as readonly Capability[]).includes(capability);
}
