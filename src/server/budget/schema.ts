// The budget schema as versioned migrations; each runs in one transaction and is recorded in budget.schema_migrations.

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'hierarchy, users, point types, allocations, recommendations, evidence, audit',
    statements: [
      `CREATE TABLE budget.node (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_.-]{1,40}$'),
        level text NOT NULL CHECK (level IN ('AREA','REGION','BRANCH','CLUSTER')),
        name text NOT NULL,
        parent_id text REFERENCES budget.node(id),
        area_id text NOT NULL, region_id text, branch_id text, cluster_id text,
        drive_folder_id text)`,
      `CREATE INDEX node_region ON budget.node (region_id)`,
      `CREATE INDEX node_branch ON budget.node (branch_id)`,
      `CREATE INDEX node_area ON budget.node (area_id, level)`,
      `CREATE TABLE budget.app_user (
        email text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('AREA','REGION','BRANCH_MANAGER','MCOT','GM_SBP','CLUSTER')),
        node_id text NOT NULL REFERENCES budget.node(id))`,
      `CREATE TABLE budget.point_type (code text PRIMARY KEY, name text NOT NULL, sort int NOT NULL DEFAULT 0, active boolean NOT NULL DEFAULT true)`,
      `INSERT INTO budget.point_type (code, name, sort) VALUES
        ('AKUISISI','Akuisisi',1), ('OUTLET','Outlet',2), ('SF','Sales force',3), ('CB PROGRAM','CB program',4), ('REGION (CVM & SO)','Region (CVM & SO)',5)
        ON CONFLICT (code) DO NOTHING`,
      `CREATE TABLE budget.allocation (
        cluster_id text NOT NULL REFERENCES budget.node(id), month text NOT NULL CHECK (month ~ '^\\d{4}-\\d{2}$'),
        amount bigint NOT NULL CHECK (amount > 0), updated_by text NOT NULL, updated_at timestamptz NOT NULL,
        PRIMARY KEY (cluster_id, month))`,
      `CREATE TABLE budget.recommendation (
        cluster_id text NOT NULL REFERENCES budget.node(id), month text NOT NULL, point_type text NOT NULL REFERENCES budget.point_type(code),
        amount bigint NOT NULL CHECK (amount >= 0), updated_by text NOT NULL, updated_at timestamptz NOT NULL,
        PRIMARY KEY (cluster_id, month, point_type))`,
      `CREATE TABLE budget.evidence (
        id bigserial PRIMARY KEY,
        cluster_id text NOT NULL REFERENCES budget.node(id), month text NOT NULL,
        point_type text NOT NULL REFERENCES budget.point_type(code),
        description text NOT NULL, amount bigint NOT NULL CHECK (amount > 0), spent_on date NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        submitted_by text NOT NULL, submitted_at timestamptz NOT NULL,
        decided_by text, decided_at timestamptz, reason text, duplicate_of bigint)`,
      `CREATE INDEX evidence_cluster_month ON budget.evidence (cluster_id, month, status)`,
      `CREATE INDEX evidence_pending ON budget.evidence (submitted_at DESC) WHERE status = 'pending'`,
      `CREATE TABLE budget.evidence_file (
        id bigserial PRIMARY KEY, evidence_id bigint NOT NULL REFERENCES budget.evidence(id) ON DELETE CASCADE,
        file_id text NOT NULL, name text NOT NULL, mime text NOT NULL, size int NOT NULL, sha256 text NOT NULL)`,
      `CREATE INDEX evidence_file_evidence ON budget.evidence_file (evidence_id)`,
      `CREATE INDEX evidence_file_hash ON budget.evidence_file (sha256)`,
      `CREATE TABLE budget.audit (
        id bigserial PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL, action text NOT NULL,
        entity text NOT NULL, entity_id text NOT NULL, before text, after text)`,
      `CREATE TABLE budget.digest_log (email text NOT NULL, day text NOT NULL, sent_at timestamptz NOT NULL, items int NOT NULL, PRIMARY KEY (email, day))`,
    ],
  },
  {
    version: 2,
    name: 'Drive folder tree: each cluster has a receipts and a PDF folder with the sharing applied to them',
    statements: [
      `ALTER TABLE budget.node ADD COLUMN IF NOT EXISTS pdf_folder_id text`,
      `ALTER TABLE budget.node ADD COLUMN IF NOT EXISTS drive_shared text`,
    ],
  },
  {
    version: 3,
    name: 'receipt hashes: one row per receipt content (the constraint that catches duplicates even when submissions race)',
    statements: [
      `CREATE TABLE budget.receipt_hash (
        sha256 text PRIMARY KEY, evidence_id bigint NOT NULL REFERENCES budget.evidence(id) ON DELETE CASCADE)`,
      `INSERT INTO budget.receipt_hash (sha256, evidence_id)
         SELECT sha256, MIN(evidence_id) FROM budget.evidence_file GROUP BY sha256`,
    ],
  },
  {
    version: 4,
    name: 'budget requests: a cluster asks for budget for a month (lines per point type or a total, attachments); the Area decides',
    statements: [
      `CREATE TABLE budget.setting (key text PRIMARY KEY, value text NOT NULL, updated_by text, updated_at timestamptz)`,
      `INSERT INTO budget.setting (key, value) VALUES ('request_ceiling', '100000000') ON CONFLICT (key) DO NOTHING`,
      `CREATE TABLE budget.request (
        id bigserial PRIMARY KEY,
        cluster_id text NOT NULL REFERENCES budget.node(id), month text NOT NULL CHECK (month ~ '^\\d{4}-\\d{2}$'),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','submitted','approved','rejected','withdrawn')),
        amount bigint NOT NULL CHECK (amount > 0), justification text NOT NULL,
        created_by text NOT NULL, created_at timestamptz NOT NULL, submitted_at timestamptz,
        decided_by text, decided_at timestamptz, reason text, approved_amount bigint CHECK (approved_amount > 0),
        note text, note_by text, note_at timestamptz)`,
      // One open (draft or submitted) request per cluster-month: the index, not a read before the insert, decides.
      `CREATE UNIQUE INDEX request_open ON budget.request (cluster_id, month) WHERE state IN ('draft','submitted')`,
      `CREATE INDEX request_cluster ON budget.request (cluster_id, month, state)`,
      `CREATE TABLE budget.request_line (
        request_id bigint NOT NULL REFERENCES budget.request(id) ON DELETE CASCADE,
        point_type text NOT NULL REFERENCES budget.point_type(code), amount bigint NOT NULL CHECK (amount > 0),
        PRIMARY KEY (request_id, point_type))`,
      `CREATE TABLE budget.request_file (
        id bigserial PRIMARY KEY, request_id bigint NOT NULL REFERENCES budget.request(id) ON DELETE CASCADE,
        file_id text NOT NULL, name text NOT NULL, mime text NOT NULL, size int NOT NULL, sha256 text NOT NULL)`,
      `CREATE INDEX request_file_request ON budget.request_file (request_id)`,
      `CREATE INDEX request_file_file ON budget.request_file (file_id)`,
    ],
  },
  {
    version: 5,
    name: 'notices: the once-a-day log of summary mails per kind, and when each user last saw their decisions',
    statements: [
      // kind: 'gm_summary' (GM SBP's read-only summary), 'cluster_digest' (a cluster's decisions, opt-in); the
      // approvers' digest keeps budget.digest_log. A new kind needs no migration.
      `CREATE TABLE budget.notice_log (
        email text NOT NULL, kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'), day text NOT NULL,
        sent_at timestamptz NOT NULL, items int NOT NULL, PRIMARY KEY (email, kind, day))`,
      `CREATE INDEX notice_log_last ON budget.notice_log (email, kind, sent_at DESC)`,
      `CREATE TABLE budget.user_seen (email text PRIMARY KEY, decisions_seen_at timestamptz NOT NULL)`,
      `CREATE INDEX evidence_decided ON budget.evidence (cluster_id, decided_at DESC) WHERE decided_at IS NOT NULL`,
    ],
  },
];
